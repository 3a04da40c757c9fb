import type { ArrayOf, ElementTypeName, elementTypes, TypedArray } from './element-types';
import type { Vec } from './vector';

/** Where an index or extent is measured from (alpaka's origin::Grid, Block, Thread). */
export type Origin = 'grid' | 'block' | 'thread';
/** What it counts (alpaka's unit::Blocks, Threads, Elems). */
export type Unit = 'blocks' | 'threads' | 'elems';
/** The set of threads an atomic operation must be atomic across (alpaka's hierarchy::Grids, Blocks, Threads). */
export type Hierarchy = 'grid' | 'block' | 'threads';
/** How far a memory fence orders writes (alpaka's memory_scope::Block, Grid, Device). */
export type FenceScope = 'block' | 'grid' | 'device';

/** An element index from the group-element loops: `global` in the whole problem, `local` within the group. */
export interface ElementIndex {
  readonly global: number;
  readonly local: number;
}

/** Warp-level operations. On CPU backends a warp is one thread. */
export interface WarpOperations {
  getSize(): number;
  activeMask(): number;
  all(predicate: boolean | number): number;
  any(predicate: boolean | number): number;
  ballot(predicate: boolean | number): number;
  shfl(value: number, sourceLane: number, width?: number): number;
  shflUp(value: number, delta: number, width?: number): number;
  shflDown(value: number, delta: number, width?: number): number;
  shflXor(value: number, laneMask: number, width?: number): number;
}

/**
 * The accelerator as a kernel sees it. Everything accelerator-specific is a method here, because methods
 * of a parameter survive bundling and minification while free functions are renamed.
 */
export interface Acc {
  /** Index of the calling block, thread or element, e.g. getIdx('grid', 'threads') is the global thread index. */
  getIdx(origin: Origin, unit: Unit): Vec;
  /** Extent of the work division, e.g. getWorkDiv('grid', 'blocks') is blocks per grid. */
  getWorkDiv(origin: Origin, unit: Unit): Vec;

  /** The elements [first, extent) this thread handles, in grid-strided chunks of elementsPerThread (CMSSW uniform_elements). */
  uniformElements(extent: number): Iterable<number>;
  uniformElements(first: number, extent: number): Iterable<number>;
  /** As uniformElements, along one dimension of a multi-dimensional work division. */
  uniformElementsAlong(dimension: number, extent: number): Iterable<number>;
  uniformElementsAlong(dimension: number, first: number, extent: number): Iterable<number>;
  /** N-dimensional elements of an N-dimensional extent, as index vectors. */
  uniformElementsND(extent: Vec): Iterable<Vec>;
  /** Groups (blocks' worth of elements) of `extent` elements this block handles, grid-strided (CMSSW uniform_groups). */
  uniformGroups(extent: number): Iterable<number>;
  /** The elements of one group this thread handles, with their global and in-group index. */
  uniformGroupElements(group: number, extent: number): Iterable<ElementIndex>;
  /** Group indices 0 … groups-1 this block handles, one per block, strided by the grid (CMSSW independent_groups). */
  independentGroups(groups: number): Iterable<number>;
  /** Elements 0 … extent-1 of the current group this thread handles (CMSSW independent_group_elements). */
  independentGroupElements(extent: number): Iterable<number>;
  /** True in exactly one thread of the grid. */
  oncePerGrid(): boolean;
  /** True in exactly one thread of each block. */
  oncePerBlock(): boolean;

  syncBlockThreads(): void;
  /** Synchronises and returns how many threads of the block passed a true predicate. */
  syncBlockThreadsCount(predicate: boolean | number): number;
  /** Synchronises and returns 1 when the predicate was true in every thread of the block. */
  syncBlockThreadsAnd(predicate: boolean | number): number;
  /** Synchronises and returns 1 when the predicate was true in any thread of the block. */
  syncBlockThreadsOr(predicate: boolean | number): number;

  /**
   * Static block shared memory of `length` elements of the named type ('f32', 'u32' …). The name and
   * the length must be literals: they are compile-time constants of the kernel.
   */
  sharedArray<Name extends ElementTypeName>(type: Name, length: number): ArrayOf<(typeof elementTypes)[Name]>;
  /** The block's dynamic shared memory as the named type, sized by the kernel's dynamicSharedMemoryBytes option. */
  dynamicSharedArray<Name extends ElementTypeName>(type: Name): ArrayOf<(typeof elementTypes)[Name]>;

  /** Atomic read-modify-write at array[index]; each returns the value before the operation. */
  atomicAdd(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  atomicSub(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  atomicMin(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  atomicMax(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  atomicExch(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  /** Stores (old >= value) ? 0 : old + 1, as CUDA's atomicInc (unsigned integers). */
  atomicInc(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  /** Stores (old == 0 || old > value) ? value : old - 1, as CUDA's atomicDec (unsigned integers). */
  atomicDec(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  atomicAnd(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  atomicOr(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  atomicXor(array: TypedArray, index: number, value: number, hierarchy?: Hierarchy): number;
  /** Stores value when the old value equals compare (bitwise for floats). */
  atomicCas(array: TypedArray, index: number, compare: number, value: number, hierarchy?: Hierarchy): number;

  memFence(scope: FenceScope): void;
  readonly warp: WarpOperations;

  /** C casts: integers wrap, floats truncate toward zero, f32 rounds to nearest. */
  bool(value: number | boolean): number;
  i8(value: number): number;
  u8(value: number): number;
  i16(value: number): number;
  u16(value: number): number;
  i32(value: number): number;
  u32(value: number): number;
  f32(value: number): number;
  f64(value: number): number;

  /**
   * Records a failed in-kernel check into the launch's check buffer (ExecOptions.checkBuffer):
   * element 0 counts failures, element 1 holds 1 + the id of the first failed check.
   */
  check(condition: boolean | number, id?: number): void;
}
