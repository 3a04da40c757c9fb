import { asConst, type Buffer, type KernelViewArgument, type LayoutSchema, type u8 } from '@alpaka-ts/interface';

/**
 * A device layout's view for kernels (CMSSW's View or ConstView of device memory): the bytes, the layout and
 * the size. A const view carries a const buffer, so nothing can write through it.
 */
export const deviceView = (
  schema: LayoutSchema,
  size: number,
  buffer: Buffer<typeof u8>,
  readOnly: boolean,
): KernelViewArgument => Object.freeze({ schema, size, readOnly, buffer: readOnly ? asConst(buffer) : buffer });
