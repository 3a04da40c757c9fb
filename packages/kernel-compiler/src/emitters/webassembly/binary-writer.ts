/**
 * The WebAssembly binary format, as far as the kernel emitter needs it: a growable byte buffer with LEB128
 * and IEEE 754 writers, and the module's sections.
 *
 * Written here rather than taken from a library because compiling must be synchronous (serial_sync runs a
 * kernel inside `exec`) and cheap to load: binaryen's npm build takes 0.7 s to import and initialises
 * asynchronously, as does wabt's; the format itself is a few dozen opcodes and two integer encodings.
 */
export type ValueKind = 'i32' | 'i64' | 'f32' | 'f64';

export const valueTypeCode: Record<ValueKind, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c };
/** The block type of a structured instruction that leaves nothing on the stack. */
export const emptyBlockType = 0x40;

export class ByteWriter {
  private bytes = new Uint8Array(256);
  length = 0;

  private reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(value: number): this {
    this.reserve(1);
    this.bytes[this.length++] = value & 0xff;
    return this;
  }

  unsigned(value: number): this {
    let remaining = value >>> 0;
    do {
      const low = remaining & 0x7f;
      remaining >>>= 7;
      this.byte(remaining === 0 ? low : low | 0x80);
    } while (remaining !== 0);
    return this;
  }

  /** Signed LEB128 of a 32-bit integer (i32.const). */
  signed(value: number): this {
    let remaining = value | 0;
    for (;;) {
      const low = remaining & 0x7f;
      remaining >>= 7;
      const done = (remaining === 0 && (low & 0x40) === 0) || (remaining === -1 && (low & 0x40) !== 0);
      this.byte(done ? low : low | 0x80);
      if (done) return this;
    }
  }

  /** Signed LEB128 of a 64-bit integer (i64.const). */
  signed64(value: bigint): this {
    let remaining = BigInt.asIntN(64, value);
    for (;;) {
      const low = Number(remaining & 0x7fn);
      remaining >>= 7n;
      const done = (remaining === 0n && (low & 0x40) === 0) || (remaining === -1n && (low & 0x40) !== 0);
      this.byte(done ? low : low | 0x80);
      if (done) return this;
    }
  }

  /** A 5-byte (padded) unsigned LEB128, so it can be rewritten in place later with patchUnsigned. */
  paddedUnsigned(value: number): this {
    for (let index = 0; index < 4; index++) this.byte(((value >>> (7 * index)) & 0x7f) | 0x80);
    return this.byte((value >>> 28) & 0x0f);
  }

  /** Rewrites a paddedUnsigned at `position`. */
  patchUnsigned(position: number, value: number): void {
    for (let index = 0; index < 4; index++) this.bytes[position + index] = ((value >>> (7 * index)) & 0x7f) | 0x80;
    this.bytes[position + 4] = (value >>> 28) & 0x0f;
  }

  read(position: number): number {
    let value = 0;
    for (let index = 0; index < 5; index++) value |= ((this.bytes[position + index] as number) & 0x7f) << (7 * index);
    return value >>> 0;
  }

  f32(value: number): this {
    this.reserve(4);
    new DataView(this.bytes.buffer).setFloat32(this.length, value, true);
    this.length += 4;
    return this;
  }

  f64(value: number): this {
    this.reserve(8);
    new DataView(this.bytes.buffer).setFloat64(this.length, value, true);
    this.length += 8;
    return this;
  }

  name(text: string): this {
    const encoded = new TextEncoder().encode(text);
    this.unsigned(encoded.length);
    return this.append(encoded);
  }

  append(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Appends another writer's bytes prefixed by their length (a section or a function body). */
  sized(content: ByteWriter): this {
    this.unsigned(content.length);
    return this.append(content.result());
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

export interface FunctionType {
  readonly parameters: readonly ValueKind[];
  readonly results: readonly ValueKind[];
}

export interface FunctionImport {
  readonly module: string;
  readonly name: string;
  readonly type: FunctionType;
}

export interface FunctionBody {
  readonly type: FunctionType;
  /** Locals after the parameters, in index order. */
  readonly locals: readonly ValueKind[];
  /** The instructions, without the final `end`. */
  readonly code: ByteWriter;
  /**
   * Where calls of the module's own functions hold their index (padded), counted among defined functions
   * only: imports come first in the index space and may still be added after a call is written.
   */
  readonly callSites: readonly number[];
}

export interface ModuleDescription {
  /** Imported as (import "env" "memory" (memory 0 65536 shared)). */
  readonly memory: { readonly module: string; readonly name: string; readonly maximumPages: number };
  readonly imports: readonly FunctionImport[];
  readonly functions: readonly FunctionBody[];
  /** Mutable globals, initialised to zero. */
  readonly globals: readonly ValueKind[];
  /** Exported functions by index among `functions` (imports are not counted). */
  readonly exports: readonly { readonly name: string; readonly function: number }[];
}

const typeKey = (type: FunctionType) => `${type.parameters.join(',')}>${type.results.join(',')}`;

function section(module: ByteWriter, id: number, content: ByteWriter): void {
  module.byte(id).sized(content);
}

/** Encodes a whole module: types, imports, functions, globals, exports, code. */
export function encodeModule(description: ModuleDescription): Uint8Array {
  const types: FunctionType[] = [];
  const typeIndices = new Map<string, number>();
  const typeIndex = (type: FunctionType): number => {
    const key = typeKey(type);
    let index = typeIndices.get(key);
    if (index === undefined) {
      index = types.length;
      types.push(type);
      typeIndices.set(key, index);
    }
    return index;
  };
  const importTypes = description.imports.map((entry) => typeIndex(entry.type));
  const functionTypes = description.functions.map((entry) => typeIndex(entry.type));

  const module = new ByteWriter().append(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));

  const typeSection = new ByteWriter().unsigned(types.length);
  for (const type of types) {
    typeSection.byte(0x60).unsigned(type.parameters.length);
    for (const parameter of type.parameters) typeSection.byte(valueTypeCode[parameter]);
    typeSection.unsigned(type.results.length);
    for (const result of type.results) typeSection.byte(valueTypeCode[result]);
  }
  section(module, 1, typeSection);

  const importSection = new ByteWriter().unsigned(description.imports.length + 1);
  const { memory } = description;
  // Limits flag 3: shared, with a maximum (a shared memory must declare one).
  importSection.name(memory.module).name(memory.name).byte(0x02).byte(0x03).unsigned(0).unsigned(memory.maximumPages);
  description.imports.forEach((entry, index) => {
    importSection
      .name(entry.module)
      .name(entry.name)
      .byte(0x00)
      .unsigned(importTypes[index] as number);
  });
  section(module, 2, importSection);

  const functionSection = new ByteWriter().unsigned(functionTypes.length);
  for (const index of functionTypes) functionSection.unsigned(index);
  section(module, 3, functionSection);

  if (description.globals.length > 0) {
    const globalSection = new ByteWriter().unsigned(description.globals.length);
    for (const kind of description.globals) {
      globalSection.byte(valueTypeCode[kind]).byte(0x01);
      if (kind === 'i32') globalSection.byte(0x41).signed(0);
      else if (kind === 'i64') globalSection.byte(0x42).signed(0);
      else if (kind === 'f32') globalSection.byte(0x43).f32(0);
      else globalSection.byte(0x44).f64(0);
      globalSection.byte(0x0b);
    }
    section(module, 6, globalSection);
  }

  const exportSection = new ByteWriter().unsigned(description.exports.length);
  for (const entry of description.exports) {
    exportSection
      .name(entry.name)
      .byte(0x00)
      .unsigned(description.imports.length + entry.function);
  }
  section(module, 7, exportSection);

  const codeSection = new ByteWriter().unsigned(description.functions.length);
  for (const body of description.functions) {
    const content = new ByteWriter();
    // Locals as runs of one type, in index order.
    const runs: Array<[number, ValueKind]> = [];
    for (const kind of body.locals) {
      const last = runs[runs.length - 1];
      if (last && last[1] === kind) last[0] += 1;
      else runs.push([1, kind]);
    }
    content.unsigned(runs.length);
    for (const [count, kind] of runs) content.unsigned(count).byte(valueTypeCode[kind]);
    for (const position of body.callSites)
      body.code.patchUnsigned(position, description.imports.length + body.code.read(position));
    content.append(body.code.result()).byte(0x0b);
    codeSection.sized(content);
  }
  section(module, 10, codeSection);
  return module.result();
}
