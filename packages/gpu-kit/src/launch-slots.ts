import type { KernelShapeV1 } from '@alpaka-ts/interface/backend';
import { type ScalarType, type ViewStruct, viewLayoutOf, viewStruct } from '@alpaka-ts/kernel-compiler';

export const scalarSizes: Record<ScalarType, number> = {
  bool: 1,
  i8: 1,
  u8: 1,
  i16: 2,
  u16: 2,
  i32: 4,
  u32: 4,
  f32: 4,
  f64: 8,
};

/** One parameter of a compiled GPU kernel, as the launch plan writes it: what it is, and where. */
export type LaunchSlot =
  | { readonly kind: 'scalar'; readonly name: string; readonly type: ScalarType; readonly offset: number }
  | { readonly kind: 'pointer'; readonly name: string; readonly offset: number }
  | { readonly kind: 'view'; readonly name: string; readonly offset: number; readonly struct: ViewStruct }
  | { readonly kind: 'elements'; readonly axis: number; readonly offset: number }
  | { readonly kind: 'checks'; readonly offset: number }
  // A bounds-checked kernel's hidden parameters (CppKernelSource.hiddenParameters): its record, the dynamic
  // shared memory's bytes (the extent of dynamic shared arrays), then each array parameter's length.
  | { readonly kind: 'bounds'; readonly offset: number }
  | { readonly kind: 'dynamicSharedBytes'; readonly offset: number }
  | { readonly kind: 'length'; readonly array: string; readonly offset: number };

/**
 * A kernel's parameters as the C++ emitter declares them (cpp-emitter.ts): the signature's data parameters in
 * signature order (constant() parameters compiled in, device functions part of the module), each at its natural
 * alignment, then the hidden ones (CppKernelSource.hiddenParameters). Read from the kernel's shape (the sorted
 * signature every launch carries, KernelLaunchV1.shape), so a kernel loaded from the disk cache needs no compiler
 * run; a test compares it with what the emitter writes.
 */
export function launchSlots(
  shape: KernelShapeV1,
  dimension: number,
  usesChecks: boolean,
  boundsChecks: boolean,
): { readonly slots: readonly LaunchSlot[]; readonly size: number } {
  const slots: LaunchSlot[] = [];
  let size = 0;
  const place = (bytes: number, alignment = bytes) => {
    size = Math.ceil(size / alignment) * alignment;
    const offset = size;
    size += bytes;
    return offset;
  };
  for (const parameter of shape.parameters) {
    const { name } = parameter;
    if (parameter.kind === 'scalar') {
      // A constant() parameter is listed as a scalar too, but its value is compiled in: nothing is passed.
      if (shape.constants.includes(name)) continue;
      const type = parameter.elementType.name as ScalarType;
      slots.push({ kind: 'scalar', name, type, offset: place(scalarSizes[type]) });
    } else if (parameter.kind === 'array') slots.push({ kind: 'pointer', name, offset: place(8) });
    else {
      const struct = viewStruct(viewLayoutOf(parameter.spec.layout));
      slots.push({ kind: 'view', name, struct, offset: place(struct.byteSize, 8) });
    }
  }
  for (let axis = 0; axis < dimension; axis++) slots.push({ kind: 'elements', axis, offset: place(4) });
  if (usesChecks) slots.push({ kind: 'checks', offset: place(8) });
  if (boundsChecks) {
    slots.push({ kind: 'bounds', offset: place(8) }, { kind: 'dynamicSharedBytes', offset: place(4) });
    for (const parameter of shape.parameters) {
      if (parameter.kind === 'array') slots.push({ kind: 'length', array: parameter.name, offset: place(4) });
    }
  }
  return { slots, size };
}
