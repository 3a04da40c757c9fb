import {
  type Acc,
  type ArrayOf,
  type ElementIndex,
  type ElementType,
  type ElementTypeName,
  elementTypes,
  InvalidArgumentError,
  type Origin,
  type TypedArray,
  type Unit,
  type Vec,
  type WarpOperations,
  type WorkDivisionV1,
} from '@alpaka-ts/interface';

const { bool, i8, u8, i16, u16, i32, u32 } = elementTypes;

function namedType(name: string, method: string): ElementType {
  const type = (elementTypes as Record<string, ElementType>)[name];
  if (!type)
    throw new InvalidArgumentError(
      `acc.${method}: '${name}' is not an element type; use one of ${Object.keys(elementTypes).join(', ')}.`,
    );
  return type;
}

function requireInteger(array: TypedArray, operation: string): void {
  if (array instanceof Float32Array || array instanceof Float64Array) {
    throw new InvalidArgumentError(
      `${operation} works on integer arrays only; float arrays support add, sub, min, max, exch and cas.`,
    );
  }
}

// A warp on a CPU backend is one thread: reductions over it are the thread's own value.
const singleThreadWarp: WarpOperations = Object.freeze({
  getSize: () => 1,
  activeMask: () => 1,
  all: (predicate: boolean | number) => (predicate ? 1 : 0),
  any: (predicate: boolean | number) => (predicate ? 1 : 0),
  ballot: (predicate: boolean | number) => (predicate ? 1 : 0),
  shfl: (value: number) => value,
  shflUp: (value: number) => value,
  shflDown: (value: number) => value,
  shflXor: (value: number) => value,
});

/**
 * The accelerator object of the serial backend's kernel interpreter: one thread per block, so the thread
 * index is always 0 and block synchronisation has nothing to wait for. The loop helpers follow CMSSW's
 * workdivision.h with the general formulas (threads per block appear even though they are 1 here).
 */
export class SerialAcc implements Acc {
  private blockIndex: Vec;
  private readonly threadIndex: Vec;
  private readonly dimension: number;
  private sharedArrays: TypedArray[] = [];
  private sharedCalls = 0;
  private dynamicShared: ArrayBuffer;
  readonly warp = singleThreadWarp;

  constructor(
    private readonly division: WorkDivisionV1,
    private readonly dynamicSharedMemoryBytes: number,
    private readonly checks: Uint32Array | undefined,
  ) {
    this.dimension = division.blocksPerGrid.length;
    this.blockIndex = new Array<number>(this.dimension).fill(0);
    this.threadIndex = Object.freeze(new Array<number>(this.dimension).fill(0));
    this.dynamicShared = new ArrayBuffer(dynamicSharedMemoryBytes);
  }

  /** Moves to the next block: its shared memory is new, as nothing is shared across blocks. */
  enterBlock(blockIndex: Vec): void {
    this.blockIndex = blockIndex;
    this.sharedArrays = [];
    this.sharedCalls = 0;
    this.dynamicShared = new ArrayBuffer(this.dynamicSharedMemoryBytes);
  }

  getIdx(origin: Origin, unit: Unit): Vec {
    if (origin === 'grid' && unit === 'blocks') return this.blockIndex;
    if (origin === 'block' && unit === 'threads') return this.threadIndex;
    if (origin === 'grid' && unit === 'threads') {
      return this.blockIndex.map(
        (block, axis) => block * (this.division.threadsPerBlock[axis] ?? 1) + (this.threadIndex[axis] ?? 0),
      );
    }
    throw new InvalidArgumentError(
      `acc.getIdx('${origin}', '${unit}') is not defined; use ('grid','blocks'), ('block','threads') or ('grid','threads').`,
    );
  }

  getWorkDiv(origin: Origin, unit: Unit): Vec {
    const { blocksPerGrid, threadsPerBlock, elementsPerThread } = this.division;
    const times = (a: Vec, b: Vec): Vec => a.map((value, axis) => value * (b[axis] ?? 1));
    if (origin === 'grid' && unit === 'blocks') return blocksPerGrid;
    if (origin === 'block' && unit === 'threads') return threadsPerBlock;
    if (origin === 'thread' && unit === 'elems') return elementsPerThread;
    if (origin === 'grid' && unit === 'threads') return times(blocksPerGrid, threadsPerBlock);
    if (origin === 'block' && unit === 'elems') return times(threadsPerBlock, elementsPerThread);
    if (origin === 'grid' && unit === 'elems') return times(times(blocksPerGrid, threadsPerBlock), elementsPerThread);
    throw new InvalidArgumentError(`acc.getWorkDiv('${origin}', '${unit}') is not defined.`);
  }

  private axis(dimension: number, helper: string): number {
    if (!Number.isInteger(dimension) || dimension < 0 || dimension >= this.dimension) {
      throw new InvalidArgumentError(
        `acc.${helper}: dimension ${dimension} is outside the ${this.dimension}-dimensional work division.`,
      );
    }
    return dimension;
  }

  private requireOneDimension(helper: string): void {
    if (this.dimension !== 1) {
      throw new InvalidArgumentError(
        `acc.${helper} needs a 1-dimensional work division; use the Along or ND form for ${this.dimension} dimensions.`,
      );
    }
  }

  private *elementsAlong(axis: number, first: number, extent: number): Generator<number> {
    const elements = this.division.elementsPerThread[axis] ?? 1;
    const threads = this.division.threadsPerBlock[axis] ?? 1;
    const blocks = this.division.blocksPerGrid[axis] ?? 1;
    const stride = blocks * threads * elements;
    const thread = (this.blockIndex[axis] ?? 0) * threads + (this.threadIndex[axis] ?? 0);
    for (let base = first + thread * elements; base < extent; base += stride) {
      const end = Math.min(base + elements, extent);
      for (let index = base; index < end; index++) yield index;
    }
  }

  uniformElements(firstOrExtent: number, extent?: number): Iterable<number> {
    this.requireOneDimension('uniformElements');
    return extent === undefined
      ? this.elementsAlong(0, 0, firstOrExtent)
      : this.elementsAlong(0, firstOrExtent, extent);
  }

  uniformElementsAlong(dimension: number, firstOrExtent: number, extent?: number): Iterable<number> {
    const axis = this.axis(dimension, 'uniformElementsAlong');
    return extent === undefined
      ? this.elementsAlong(axis, 0, firstOrExtent)
      : this.elementsAlong(axis, firstOrExtent, extent);
  }

  *uniformElementsND(extent: Vec): Iterable<Vec> {
    if (extent.length !== this.dimension) {
      throw new InvalidArgumentError(
        `acc.uniformElementsND: the extent has ${extent.length} dimensions; the work division has ${this.dimension}.`,
      );
    }
    const perAxis = extent.map((size, axis) => [...this.elementsAlong(axis, 0, size)]);
    const index = new Array<number>(this.dimension).fill(0);
    const visit = function* (axis: number): Generator<Vec> {
      const values = perAxis[axis] ?? [];
      for (const value of values) {
        index[axis] = value;
        if (axis === perAxis.length - 1) yield Object.freeze([...index]);
        else yield* visit(axis + 1);
      }
    };
    yield* visit(0);
  }

  *uniformGroups(extent: number): Iterable<number> {
    this.requireOneDimension('uniformGroups');
    const groupSize = (this.division.threadsPerBlock[0] ?? 1) * (this.division.elementsPerThread[0] ?? 1);
    const groups = Math.ceil(extent / groupSize);
    const blocks = this.division.blocksPerGrid[0] ?? 1;
    for (let group = this.blockIndex[0] ?? 0; group < groups; group += blocks) yield group;
  }

  *uniformGroupElements(group: number, extent: number): Iterable<ElementIndex> {
    this.requireOneDimension('uniformGroupElements');
    const elements = this.division.elementsPerThread[0] ?? 1;
    const threads = this.division.threadsPerBlock[0] ?? 1;
    const groupSize = threads * elements;
    const first = group * groupSize;
    const end = Math.min(first + groupSize, extent);
    for (let base = first + (this.threadIndex[0] ?? 0) * elements; base < end; base += groupSize) {
      const chunkEnd = Math.min(base + elements, end);
      for (let global = base; global < chunkEnd; global++) yield { global, local: global - first };
    }
  }

  *independentGroups(groups: number): Iterable<number> {
    this.requireOneDimension('independentGroups');
    const blocks = this.division.blocksPerGrid[0] ?? 1;
    for (let group = this.blockIndex[0] ?? 0; group < groups; group += blocks) yield group;
  }

  *independentGroupElements(extent: number): Iterable<number> {
    this.requireOneDimension('independentGroupElements');
    const elements = this.division.elementsPerThread[0] ?? 1;
    const stride = (this.division.threadsPerBlock[0] ?? 1) * elements;
    for (let base = (this.threadIndex[0] ?? 0) * elements; base < extent; base += stride) {
      const end = Math.min(base + elements, extent);
      for (let index = base; index < end; index++) yield index;
    }
  }

  oncePerGrid(): boolean {
    return this.blockIndex.every((component) => component === 0) && this.oncePerBlock();
  }

  oncePerBlock(): boolean {
    return this.threadIndex.every((component) => component === 0);
  }

  // One thread per block: synchronising waits for nobody, and the predicate forms see only this thread.
  syncBlockThreads(): void {}
  syncBlockThreadsCount(predicate: boolean | number): number {
    return predicate ? 1 : 0;
  }
  syncBlockThreadsAnd(predicate: boolean | number): number {
    return predicate ? 1 : 0;
  }
  syncBlockThreadsOr(predicate: boolean | number): number {
    return predicate ? 1 : 0;
  }

  sharedArray<Name extends ElementTypeName>(typeName: Name, length: number): ArrayOf<(typeof elementTypes)[Name]> {
    type Result = ArrayOf<(typeof elementTypes)[Name]>;
    const type = namedType(typeName, 'sharedArray');
    if (!Number.isInteger(length) || length < 0) {
      throw new InvalidArgumentError(`acc.sharedArray: length ${length} is not a non-negative integer.`);
    }
    // The n-th declaration of a block gets the n-th array, so a declaration inside a loop keeps its memory.
    const call = this.sharedCalls++;
    const existing = this.sharedArrays[call];
    if (existing && existing.length === length && existing instanceof type.arrayConstructor) return existing as Result;
    const created = new type.arrayConstructor(length);
    this.sharedArrays[call] = created;
    return created as Result;
  }

  dynamicSharedArray<Name extends ElementTypeName>(typeName: Name): ArrayOf<(typeof elementTypes)[Name]> {
    const type = namedType(typeName, 'dynamicSharedArray');
    const length = Math.floor(this.dynamicShared.byteLength / type.byteSize);
    return new type.arrayConstructor(this.dynamicShared, 0, length) as ArrayOf<(typeof elementTypes)[Name]>;
  }

  atomicAdd(array: TypedArray, index: number, value: number): number {
    const old = array[index] as number;
    array[index] = old + value;
    return old;
  }
  atomicSub(array: TypedArray, index: number, value: number): number {
    const old = array[index] as number;
    array[index] = old - value;
    return old;
  }
  atomicMin(array: TypedArray, index: number, value: number): number {
    const old = array[index] as number;
    array[index] = Math.min(old, value);
    return old;
  }
  atomicMax(array: TypedArray, index: number, value: number): number {
    const old = array[index] as number;
    array[index] = Math.max(old, value);
    return old;
  }
  atomicExch(array: TypedArray, index: number, value: number): number {
    const old = array[index] as number;
    array[index] = value;
    return old;
  }
  atomicInc(array: TypedArray, index: number, value: number): number {
    requireInteger(array, 'acc.atomicInc');
    const old = array[index] as number;
    array[index] = old >= value ? 0 : old + 1;
    return old;
  }
  atomicDec(array: TypedArray, index: number, value: number): number {
    requireInteger(array, 'acc.atomicDec');
    const old = array[index] as number;
    array[index] = old === 0 || old > value ? value : old - 1;
    return old;
  }
  atomicAnd(array: TypedArray, index: number, value: number): number {
    requireInteger(array, 'acc.atomicAnd');
    const old = array[index] as number;
    array[index] = old & value;
    return old;
  }
  atomicOr(array: TypedArray, index: number, value: number): number {
    requireInteger(array, 'acc.atomicOr');
    const old = array[index] as number;
    array[index] = old | value;
    return old;
  }
  atomicXor(array: TypedArray, index: number, value: number): number {
    requireInteger(array, 'acc.atomicXor');
    const old = array[index] as number;
    array[index] = old ^ value;
    return old;
  }
  atomicCas(array: TypedArray, index: number, compare: number, value: number): number {
    const old = array[index] as number;
    // Bitwise comparison for floats, as the GPU backends' CAS does: -0 differs from 0 and NaN equals NaN.
    if (Object.is(old, compare)) array[index] = value;
    return old;
  }

  memFence(): void {}

  bool(value: number | boolean): number {
    return bool.convert(Number(value));
  }
  i8(value: number): number {
    return i8.convert(value);
  }
  u8(value: number): number {
    return u8.convert(value);
  }
  i16(value: number): number {
    return i16.convert(value);
  }
  u16(value: number): number {
    return u16.convert(value);
  }
  i32(value: number): number {
    return i32.convert(value);
  }
  u32(value: number): number {
    return u32.convert(value);
  }
  f32(value: number): number {
    return Math.fround(value);
  }
  f64(value: number): number {
    return +value;
  }

  check(condition: boolean | number, id = 0): void {
    if (condition) return;
    const checks = this.checks;
    if (!checks)
      throw new InvalidArgumentError(
        'acc.check failed, and the launch has no check buffer; pass exec(…, { checkBuffer }).',
      );
    if (checks[0] === 0) checks[1] = id + 1;
    checks[0] = (checks[0] ?? 0) + 1;
  }
}
