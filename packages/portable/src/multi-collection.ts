import {
  allocAsyncBuf,
  asConst,
  type Buffer,
  createSubView,
  type Device,
  fill,
  InvalidArgumentError,
  type KernelViewArgument,
  type LayoutLike,
  layoutSchemaOf,
  memset,
  type Queue,
  sameLayout,
  u8,
} from '@alpaka-ts/interface';
import { hostStart } from '@alpaka-ts/interface/backend';
import {
  alignSize,
  type ConstSoaView,
  computeDataSize,
  type LayoutSchema,
  SoaView,
  type ViewOptions,
} from '@alpaka-ts/soa-template';
import { deviceView } from './device-view';
import { allocateHostBytes } from './host-bytes';
import { PortableProduct } from './portable-product';
import { checkedSize } from './schema-of';

/** Where each layout of a multi-layout collection starts in the shared buffer. */
interface Part {
  readonly schema: LayoutSchema;
  readonly size: number;
  readonly offset: number;
}

/** Chains 2 to 5 layouts in one buffer, each starting on its own alignment (CMSSW's PortableMultiCollection). */
function plan(layouts: readonly LayoutLike[], sizes: readonly number[]): { parts: Part[]; byteSize: number } {
  if (layouts.length < 2 || layouts.length > 5)
    throw new InvalidArgumentError(`a multi-layout collection holds 2 to 5 layouts, not ${layouts.length}.`);
  if (sizes.length !== layouts.length)
    throw new InvalidArgumentError(
      `a multi-layout collection of ${layouts.length} layouts needs ${layouts.length} sizes, not ${sizes.length}.`,
    );
  let offset = 0;
  const parts = layouts.map((layout, index) => {
    const schema = layoutSchemaOf(layout);
    const size = checkedSize(sizes[index] ?? 0, schema);
    offset = alignSize(offset, schema.alignment);
    const part = { schema, size, offset };
    offset += computeDataSize(schema, size);
    return part;
  });
  return { parts, byteSize: offset };
}

/** The bytes of one part, as a view of the shared buffer. */
const partBytes = (buffer: Buffer<typeof u8>, part: Part): Buffer<typeof u8> =>
  createSubView(buffer, computeDataSize(part.schema, part.size), part.offset);

function partIndex(parts: readonly Part[], which: number | LayoutLike): number {
  if (typeof which === 'number') {
    if (!Number.isInteger(which) || which < 0 || which >= parts.length)
      throw new InvalidArgumentError(`the collection has layouts 0 … ${parts.length - 1}, not ${which}.`);
    return which;
  }
  // The same layout object first; else one of the same structure (a layout read back from a file, or defined
  // again), which must then be the only one of its structure here.
  const schema = layoutSchemaOf(which);
  let index = parts.findIndex((part) => part.schema === schema);
  if (index < 0) {
    const alike = parts.flatMap((part, position) => (sameLayout(part.schema, schema) ? [position] : []));
    if (alike.length > 1)
      throw new InvalidArgumentError(
        `layout '${schema.name}' has the structure of layouts ${alike.join(' and ')} of this collection; pick one by index.`,
      );
    index = alike[0] ?? -1;
  }
  if (index < 0)
    throw new InvalidArgumentError(
      `layout '${schema.name}' is not one of this collection's (${parts.map((part) => part.schema.name).join(', ')}).`,
    );
  return index;
}

/** Several SoA layouts, each with its own size, in one host buffer; `view(i)` or `view(Layout)`. */
export class PortableHostMultiCollection extends PortableProduct {
  private readonly parts: readonly Part[];

  constructor(layouts: readonly LayoutLike[], sizes: readonly number[], hostOrQueue: Device | Queue) {
    const { parts, byteSize } = plan(layouts, sizes);
    super(allocateHostBytes(byteSize, hostOrQueue));
    this.parts = parts;
  }

  get sizes(): readonly number[] {
    return this.parts.map((part) => part.size);
  }

  get schemas(): readonly LayoutSchema[] {
    return this.parts.map((part) => part.schema);
  }

  /** Byte offset of a layout in the buffer. */
  offsetOf(which: number | LayoutLike): number {
    return (this.parts[partIndex(this.parts, which)] as Part).offset;
  }

  /** Layout i's view (or the view of the given layout); a kernel argument too. */
  view<ReadOnly extends boolean = false>(
    which: number | LayoutLike,
    options: Omit<ViewOptions<ReadOnly>, 'buffer'> = {},
  ): SoaView<LayoutSchema, ReadOnly> {
    const part = this.parts[partIndex(this.parts, which)] as Part;
    const arrayBuffer = this.buffer.memory.hostArrayBuffer;
    if (!arrayBuffer) throw new Error('internal error: host collection memory is not host-accessible');
    const bytes = partBytes(this.buffer, part);
    return new SoaView(part.schema, part.size, arrayBuffer, hostStart(this.buffer) + part.offset, {
      ...options,
      buffer: options.readOnly ? asConst(bytes) : bytes,
    });
  }

  /** Layout i's const view. */
  constView(which: number | LayoutLike, options: Omit<ViewOptions, 'buffer' | 'readOnly'> = {}): ConstSoaView {
    return this.view(which, { ...options, readOnly: true as const });
  }

  /** Sets every byte to zero, now (host) or in queue order. */
  zeroInitialise(queue?: Queue): void {
    if (queue) fill(queue, this.buffer, 0);
    else this.buffer.hostArray().fill(0);
  }
}

/** Several SoA layouts in one device buffer, allocated in queue order. */
export class PortableDeviceMultiCollection extends PortableProduct {
  private readonly parts: readonly Part[];

  constructor(layouts: readonly LayoutLike[], sizes: readonly number[], queue: Queue) {
    const { parts, byteSize } = plan(layouts, sizes);
    if (queue.device.isHost)
      throw new InvalidArgumentError(
        'a device multi-layout collection on the host: on host backends use PortableHostMultiCollection.',
      );
    super(allocAsyncBuf(queue, u8, byteSize));
    this.parts = parts;
  }

  /** Layout i's view for kernels: its bytes in the device buffer, its layout and size. */
  view(which: number | LayoutLike): KernelViewArgument {
    const part = this.parts[partIndex(this.parts, which)] as Part;
    return deviceView(part.schema, part.size, partBytes(this.buffer, part), false);
  }

  /** Layout i's const view for kernels. */
  constView(which: number | LayoutLike): KernelViewArgument {
    const part = this.parts[partIndex(this.parts, which)] as Part;
    return deviceView(part.schema, part.size, partBytes(this.buffer, part), true);
  }

  get sizes(): readonly number[] {
    return this.parts.map((part) => part.size);
  }

  get schemas(): readonly LayoutSchema[] {
    return this.parts.map((part) => part.schema);
  }

  /** Byte offset of a layout in the buffer (for kernels that take the buffer). */
  offsetOf(which: number | LayoutLike): number {
    return (this.parts[partIndex(this.parts, which)] as Part).offset;
  }

  zeroInitialise(queue: Queue): void {
    memset(queue, this.buffer, 0);
  }
}
