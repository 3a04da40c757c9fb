import { InvalidArgumentError } from '@alpaka-ts/interface';
import type { ArrayArgumentV1, KernelArgumentV1, KernelLaunchV1, KernelShapeV1 } from '@alpaka-ts/interface/backend';
import type { ScalarType } from '@alpaka-ts/kernel-compiler';
import { DeviceMemory } from './gpu-memory';
import { type LaunchSlot, launchSlots, scalarSizes } from './launch-slots';

// The typed array each scalar type is written through (the plan places every value at its natural alignment,
// so its offset divided by its size is an index). Typed arrays write in the host's byte order, little-endian
// on every platform CUDA and HIP support.
const scalarArrays: Record<ScalarType, string> = {
  bool: 'u8',
  i8: 'i8',
  u8: 'u8',
  i16: 'i16',
  u16: 'u16',
  i32: 'i32',
  u32: 'u32',
  f32: 'f32',
  f64: 'f64',
};

type Writer = (
  args: KernelLaunchV1['arguments'],
  elementsPerThread: readonly number[],
  checkBuffer: ArrayArgumentV1 | undefined,
  stream: bigint,
) => void;

/**
 * The launch record the addon's launch() reads, one per loaded kernel and reused by every launch, so a launch
 * is one N-API call with one argument. Little-endian u32 words:
 * [0, 1] CUfunction, [2, 3] CUstream, [4] device ordinal, [5-7] grid x y z, [8-10] block x y z,
 * [11] dynamic shared bytes, [12] parameter count, [13] where the arguments start; from byte 64 each
 * parameter's offset within the arguments, then (8-aligned) the arguments. native/addon.cc reads the same.
 */
export const launchRecordHeaderBytes = 64;
export const maximumKernelParameters = 64;

/**
 * How a kernel's arguments are laid out for cuLaunchKernel, computed once per compiled kernel: each value at
 * its natural alignment in one reused buffer, and the offsets the addon turns into the parameter pointer array.
 */
export class LaunchPlan {
  readonly slots: readonly LaunchSlot[];
  /** The whole launch record (header, offsets, arguments), passed to the addon's launch(). */
  readonly record: ArrayBuffer;
  /** The record's header words; the launch writes stream, grid, block and shared bytes here. */
  readonly header: Uint32Array;
  /** Each parameter's offset within the arguments. */
  readonly offsets: Uint32Array;
  /** The arguments as the kernel receives them. */
  readonly arguments: DataView;
  private readonly writer: Writer;

  /**
   * From the kernel's shape (its sorted signature, KernelLaunchV1.shape: the compiler declares the data
   * parameters in signature order, constant() parameters compiled in, device functions not passed), so a kernel
   * loaded from the disk cache needs no compiler run; usesChecks comes from the compiled kernel. A bounds-checked variant takes, after those, the
   * bounds record, the dynamic shared bytes and one u32 length per array parameter, in signature order.
   */
  constructor(shape: KernelShapeV1, dimension: number, usesChecks: boolean, boundsChecks = false) {
    const { slots, size } = launchSlots(shape, dimension, usesChecks, boundsChecks);
    if (slots.length > maximumKernelParameters) {
      throw new InvalidArgumentError(
        `a GPU kernel takes at most ${maximumKernelParameters} parameters here, and this one needs ${slots.length}; pass data in fewer arrays or a view.`,
      );
    }
    this.slots = slots;
    const argumentsAt = launchRecordHeaderBytes + Math.ceil((slots.length * 4) / 8) * 8;
    const argumentBytes = Math.max(8, Math.ceil(size / 8) * 8);
    this.record = new ArrayBuffer(argumentsAt + argumentBytes);
    this.header = new Uint32Array(this.record, 0, launchRecordHeaderBytes / 4);
    this.header[12] = slots.length;
    this.header[13] = argumentsAt;
    this.offsets = new Uint32Array(this.record, launchRecordHeaderBytes, slots.length);
    this.offsets.set(slots.map((slot) => slot.offset));
    this.arguments = new DataView(this.record, argumentsAt, argumentBytes);
    this.writer = this.compileWriter();
  }

  /** Fixes the kernel's function handle (a host address, exact in a double) and device in the record. */
  bind(functionHandle: number, device: number): void {
    this.header[0] = functionHandle;
    this.header[1] = functionHandle / 4294967296;
    this.header[4] = device;
  }

  /** Writes a device pointer (address + offset) as two little-endian 32-bit halves, with no BigInt. */
  private writePointer(
    offset: number,
    argument: KernelArgumentV1 | ArrayArgumentV1 | undefined,
    name: string,
    stream: bigint,
  ): void {
    if (typeof argument !== 'object' || !(argument.memory instanceof DeviceMemory)) {
      throw new Error(`internal error: argument '${name}' is not device memory`);
    }
    argument.memory.usage.lastStream = stream;
    this.writeAddress(offset, argument.memory.address + argument.byteOffset);
  }

  /** A device address (exact in a double) as two little-endian 32-bit halves, with no BigInt. */
  private writeAddress(offset: number, address: number): void {
    this.arguments.setUint32(offset, address % 4294967296, true);
    this.arguments.setUint32(offset + 4, Math.floor(address / 4294967296), true);
  }

  /** Writes a view's struct: each field's device address, matrix strides in elements, the size. */
  private writeView(
    slot: Extract<LaunchSlot, { kind: 'view' }>,
    argument: KernelArgumentV1 | undefined,
    stream: bigint,
  ): void {
    if (typeof argument !== 'object' || argument.kind !== 'view' || !(argument.memory instanceof DeviceMemory)) {
      throw new Error(`internal error: argument '${slot.name}' is not a view in device memory`);
    }
    argument.memory.usage.lastStream = stream;
    const base = argument.memory.address + argument.byteOffset;
    const { layout } = argument;
    for (const member of slot.struct.members) {
      const at = slot.offset + member.offset;
      if (member.kind === 'size') {
        this.arguments.setUint32(at, layout.size, true);
        continue;
      }
      const placed = layout.field(member.field);
      if (member.kind === 'stride') {
        this.arguments.setUint32(at, placed.coefficientStride / placed.field.elementType.byteSize, true);
        continue;
      }
      this.writeAddress(at, base + placed.offset);
    }
  }

  /**
   * A bounds-checked launch's record address and dynamic shared bytes, after write(): they change with every
   * launch (each has its own record), and only checked plans have these slots.
   */
  writeBoundsRecord(address: number, dynamicSharedBytes: number): void {
    for (const slot of this.slots) {
      if (slot.kind === 'bounds') this.writeAddress(slot.offset, address);
      else if (slot.kind === 'dynamicSharedBytes') this.arguments.setUint32(slot.offset, dynamicSharedBytes, true);
    }
  }

  /** Writes one launch's arguments into the reused buffer. */
  write(launch: KernelLaunchV1, stream: bigint): void {
    this.writer(launch.arguments, launch.workDivision.elementsPerThread, launch.checkBuffer, stream);
  }

  /**
   * Straight-line code for this plan's slots, generated once: each argument read by its name and written
   * through a typed array at its offset. A loop over the slots reads arguments by computed names, and those
   * megamorphic lookups and the per-slot dispatch were a measurable part of a launch's cost.
   */
  private compileWriter(): Writer {
    const lines: string[] = [];
    for (const [index, slot] of this.slots.entries()) {
      const slotAt = `slots[${index}]`;
      switch (slot.kind) {
        case 'pointer': {
          // Inline for device memory (the address as two 32-bit halves, no BigInt: a Uint32Array store takes its
          // value modulo 2^32 and drops the fraction, so the halves need no % or floor); anything else is refused there.
          const name = JSON.stringify(slot.name);
          const at = slot.offset / 4;
          lines.push(
            `argument = args[${name}];`,
            `if (typeof argument === 'object' && argument.memory instanceof DeviceMemory) { memory = argument.memory; memory.usage.lastStream = stream; address = memory.address + argument.byteOffset; u32[${at}] = address; u32[${at + 1}] = address / 4294967296; }`,
            `else pointer(${slot.offset}, argument, ${name}, stream);`,
          );
          break;
        }
        case 'checks':
          lines.push(`pointer(${slot.offset}, checkBuffer, 'checkBuffer', stream);`);
          break;
        case 'view':
          lines.push(`view(${slotAt}, args[${JSON.stringify(slot.name)}], stream);`);
          break;
        case 'length':
          // The interface checked that every array argument is one (ArrayArgumentV1.length: its elements).
          lines.push(`u32[${slot.offset / 4}] = args[${JSON.stringify(slot.array)}].length;`);
          break;
        case 'bounds':
        case 'dynamicSharedBytes':
          // Per launch, by writeBoundsRecord.
          break;
        case 'elements':
          lines.push(`u32[${slot.offset / 4}] = elementsPerThread[${slot.axis}] ?? 1;`);
          break;
        case 'scalar':
          lines.push(
            `${scalarArrays[slot.type]}[${slot.offset / scalarSizes[slot.type]}] = args[${JSON.stringify(slot.name)}];`,
          );
          break;
      }
    }
    const source = `"use strict"; return function writeArguments(args, elementsPerThread, checkBuffer, stream) {\nlet argument, memory, address;\n${lines.join('\n')}\n};`;
    const { buffer, byteOffset, byteLength } = this.arguments;
    return new Function(
      'DeviceMemory',
      'slots',
      'pointer',
      'view',
      'i8',
      'u8',
      'i16',
      'u16',
      'i32',
      'u32',
      'f32',
      'f64',
      source,
    )(
      DeviceMemory,
      this.slots,
      (offset: number, argument: KernelArgumentV1 | ArrayArgumentV1 | undefined, name: string, stream: bigint) =>
        this.writePointer(offset, argument, name, stream),
      (slot: Extract<LaunchSlot, { kind: 'view' }>, argument: KernelArgumentV1 | undefined, stream: bigint) =>
        this.writeView(slot, argument, stream),
      new Int8Array(buffer, byteOffset, byteLength / Int8Array.BYTES_PER_ELEMENT),
      new Uint8Array(buffer, byteOffset, byteLength / Uint8Array.BYTES_PER_ELEMENT),
      new Int16Array(buffer, byteOffset, byteLength / Int16Array.BYTES_PER_ELEMENT),
      new Uint16Array(buffer, byteOffset, byteLength / Uint16Array.BYTES_PER_ELEMENT),
      new Int32Array(buffer, byteOffset, byteLength / Int32Array.BYTES_PER_ELEMENT),
      new Uint32Array(buffer, byteOffset, byteLength / Uint32Array.BYTES_PER_ELEMENT),
      new Float32Array(buffer, byteOffset, byteLength / Float32Array.BYTES_PER_ELEMENT),
      new Float64Array(buffer, byteOffset, byteLength / Float64Array.BYTES_PER_ELEMENT),
    ) as Writer;
  }
}
