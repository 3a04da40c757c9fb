import type { ArrayArgumentV1, KernelArgumentV1, KernelLaunchV1 } from '@alpaka-ts/interface';
import { type KernelIR, type ScalarType, type ViewStruct, viewStruct } from '@alpaka-ts/kernel-compiler';
import { CudaMemory } from './cuda-memory';

const scalarSizes: Record<ScalarType, number> = {
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

type Slot =
  | { readonly kind: 'scalar'; readonly name: string; readonly type: ScalarType; readonly offset: number }
  | { readonly kind: 'pointer'; readonly name: string; readonly offset: number }
  | { readonly kind: 'view'; readonly name: string; readonly offset: number; readonly struct: ViewStruct }
  | { readonly kind: 'elements'; readonly axis: number; readonly offset: number }
  | { readonly kind: 'checks'; readonly offset: number };

/**
 * How a kernel's arguments are laid out for cuLaunchKernel, computed once per compiled kernel: each value at
 * its natural alignment in one reused buffer, and the offsets the addon turns into the parameter pointer array.
 */
export class LaunchPlan {
  readonly slots: readonly Slot[];
  readonly bytes: ArrayBuffer;
  readonly offsets: Uint32Array;
  private readonly view: DataView;

  constructor(ir: KernelIR, dimension: number) {
    const slots: Slot[] = [];
    let size = 0;
    const place = (bytes: number, alignment = bytes) => {
      size = Math.ceil(size / alignment) * alignment;
      const offset = size;
      size += bytes;
      return offset;
    };
    for (const parameter of ir.parameters) {
      if (parameter.value !== undefined) continue; // a specialised constant: compiled in, not passed
      if (parameter.type.kind === 'array') slots.push({ kind: 'pointer', name: parameter.name, offset: place(8) });
      else if (parameter.type.kind === 'view') {
        const struct = viewStruct(parameter.type.layout);
        slots.push({ kind: 'view', name: parameter.name, struct, offset: place(struct.byteSize, 8) });
      } else if (parameter.type.kind === 'scalar')
        slots.push({
          kind: 'scalar',
          name: parameter.name,
          type: parameter.type.scalar,
          offset: place(scalarSizes[parameter.type.scalar]),
        });
    }
    for (let axis = 0; axis < dimension; axis++) slots.push({ kind: 'elements', axis, offset: place(4) });
    if (ir.usesChecks) slots.push({ kind: 'checks', offset: place(8) });
    this.slots = slots;
    this.bytes = new ArrayBuffer(Math.max(8, Math.ceil(size / 8) * 8));
    this.view = new DataView(this.bytes);
    this.offsets = Uint32Array.from(slots, (slot) => slot.offset);
  }

  /** Writes a device pointer (address + offset) as two little-endian 32-bit halves, with no BigInt. */
  private writePointer(
    offset: number,
    argument: KernelArgumentV1 | ArrayArgumentV1 | undefined,
    name: string,
    stream: bigint,
  ): void {
    if (typeof argument !== 'object' || !(argument.memory instanceof CudaMemory)) {
      throw new Error(`internal error: argument '${name}' is not device memory`);
    }
    argument.memory.usage.lastStream = stream;
    const address = argument.memory.address + argument.byteOffset;
    this.view.setUint32(offset, address % 4294967296, true);
    this.view.setUint32(offset + 4, Math.floor(address / 4294967296), true);
  }

  /** Writes a view's struct: each field's device address, matrix strides in elements, the size. */
  private writeView(
    slot: Extract<Slot, { kind: 'view' }>,
    argument: KernelArgumentV1 | undefined,
    stream: bigint,
  ): void {
    if (typeof argument !== 'object' || argument.kind !== 'view' || !(argument.memory instanceof CudaMemory)) {
      throw new Error(`internal error: argument '${slot.name}' is not a view in device memory`);
    }
    argument.memory.usage.lastStream = stream;
    const base = argument.memory.address + argument.byteOffset;
    const { layout } = argument;
    for (const member of slot.struct.members) {
      const at = slot.offset + member.offset;
      if (member.kind === 'size') {
        this.view.setUint32(at, layout.size, true);
        continue;
      }
      const placed = layout.field(member.field);
      if (member.kind === 'stride') {
        this.view.setUint32(at, placed.coefficientStride / placed.field.elementType.byteSize, true);
        continue;
      }
      const address = base + placed.offset;
      this.view.setUint32(at, address % 4294967296, true);
      this.view.setUint32(at + 4, Math.floor(address / 4294967296), true);
    }
  }

  /** Writes one launch's arguments into the reused buffer. */
  write(launch: KernelLaunchV1, stream: bigint): void {
    const { view } = this;
    for (const slot of this.slots) {
      switch (slot.kind) {
        case 'pointer':
          this.writePointer(slot.offset, launch.arguments[slot.name], slot.name, stream);
          break;
        case 'view':
          this.writeView(slot, launch.arguments[slot.name], stream);
          break;
        case 'elements':
          view.setUint32(slot.offset, launch.workDivision.elementsPerThread[slot.axis] ?? 1, true);
          break;
        case 'checks':
          this.writePointer(slot.offset, launch.checkBuffer, 'checkBuffer', stream);
          break;
        case 'scalar': {
          const value = launch.arguments[slot.name] as number;
          switch (slot.type) {
            case 'bool':
            case 'u8':
              view.setUint8(slot.offset, value);
              break;
            case 'i8':
              view.setInt8(slot.offset, value);
              break;
            case 'i16':
              view.setInt16(slot.offset, value, true);
              break;
            case 'u16':
              view.setUint16(slot.offset, value, true);
              break;
            case 'i32':
              view.setInt32(slot.offset, value, true);
              break;
            case 'u32':
              view.setUint32(slot.offset, value, true);
              break;
            case 'f32':
              view.setFloat32(slot.offset, value, true);
              break;
            case 'f64':
              view.setFloat64(slot.offset, value, true);
              break;
          }
        }
      }
    }
  }
}
