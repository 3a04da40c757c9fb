import { Buffer, type ElementType, InvalidArgumentError } from '@alpaka-ts/interface';
import type { StructSchema } from '@alpaka-ts/portable';

/**
 * One field of a struct in a product's bytes (any one-dimensional buffer over the struct), as a one-element buffer of the field's type: how a kernel reads or
 * writes a PortableObject<T>'s fields, since kernel parameters are scalars, arrays and SoA views (CMSSW passes a
 * `T*`). The buffer shares the product's memory, on whichever device it is; a const buffer gives a const field.
 */
export function structField<T extends ElementType>(
  bytes: Buffer,
  schema: StructSchema,
  name: string,
  elementType: T,
): Buffer<T> {
  const field = schema.fields.find((candidate) => candidate.name === name);
  if (field === undefined)
    throw new InvalidArgumentError(
      `struct '${schema.name}' has no field '${name}'; its fields are ${schema.fields.map((f) => f.name).join(', ')}.`,
    );
  if (field.elementType !== elementType)
    throw new InvalidArgumentError(
      `field '${name}' of struct '${schema.name}' is ${field.elementType.name}, not ${elementType.name}.`,
    );
  const byteLength = bytes.length * bytes.elementType.byteSize;
  if (bytes.dimension !== 1 || byteLength < schema.byteSize)
    throw new InvalidArgumentError(
      `a '${schema.name}' needs ${schema.byteSize} contiguous bytes; the buffer has ${byteLength} in ${bytes.dimension} dimension(s).`,
    );
  const size = elementType.byteSize;
  return new Buffer({
    device: bytes.device,
    memory: bytes.memory,
    elementType,
    extents: [1],
    byteOffset: bytes.byteOffset + field.offset,
    rowPitchBytes: size,
    slicePitchBytes: size,
    isConst: bytes.isConst,
  });
}
