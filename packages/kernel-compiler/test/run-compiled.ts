import type { KernelDefinition, TypedArray } from '@alpaka-ts/interface';
import { HostHeap } from '@alpaka-ts/interface/backend';
import {
  compileJavaScriptKernel,
  compileWebAssemblyKernel,
  type WebAssemblyArgument,
  type WebAssemblyVariant,
} from '../src/index';

/** The CPU emitters: every kernel test that runs compiled code runs it through both. */
export const cpuTargets = ['javascript', 'webassembly'] as const;
export type CpuTarget = (typeof cpuTargets)[number];

export interface RunOptions {
  blocks?: number;
  elements?: number;
  dimension?: number;
  dynamicSharedBytes?: number;
  checks?: Uint32Array;
  constants?: Record<string, number>;
  target?: CpuTarget;
}

// One heap for the tests' WebAssembly runs; arrays are copied in before and out after each run.
let heap: HostHeap | undefined;

/**
 * Runs a kernel compiled to JavaScript or WebAssembly over a grid of `blocks` blocks × `elements` elements per axis;
 * returns which WebAssembly variant ran (undefined for JavaScript).
 */
export function runCompiled(
  kernel: KernelDefinition,
  args: Record<string, number | boolean | TypedArray>,
  options: RunOptions = {},
): WebAssemblyVariant | undefined {
  const dimension = options.dimension ?? 1;
  const workDivision = {
    blocksPerGrid: new Array(dimension).fill(options.blocks ?? 1),
    threadsPerBlock: new Array(dimension).fill(1),
    elementsPerThread: new Array(dimension).fill(options.elements ?? 1),
  };
  if (options.target !== 'webassembly') {
    const { run } = compileJavaScriptKernel(kernel, dimension, options.constants);
    run(args, workDivision, new ArrayBuffer(options.dynamicSharedBytes ?? 0), options.checks, undefined);
    return undefined;
  }
  heap ??= new HostHeap(1);
  const compiled = compileWebAssemblyKernel(kernel, dimension, options.constants, heap.memory);
  const copies: Array<{ array: TypedArray; copy: TypedArray }> = [];
  const place = (array: TypedArray) => {
    const allocation = (heap as HostHeap).allocate(array.byteLength) as NonNullable<ReturnType<HostHeap['allocate']>>;
    const copy = new (array.constructor as new (buffer: ArrayBufferLike, offset: number, length: number) => TypedArray)(
      allocation.arrayBuffer,
      allocation.byteOffset,
      array.length,
    );
    copy.set(array);
    copies.push({ array, copy });
    return copy;
  };
  const wasmArgs: Record<string, WebAssemblyArgument> = {};
  for (const [name, value] of Object.entries(args)) {
    wasmArgs[name] = typeof value === 'object' ? { address: place(value).byteOffset, length: value.length } : value;
  }
  const scratch = (bytes: number) => place(new Uint8Array(bytes)).byteOffset;
  const checks = options.checks ? place(options.checks) : undefined;
  const variant = compiled.run(wasmArgs, workDivision, {
    sharedAddress: scratch(compiled.staticSharedBytes),
    dynamicSharedAddress: scratch(options.dynamicSharedBytes ?? 0),
    dynamicSharedBytes: options.dynamicSharedBytes ?? 0,
    checksAddress: checks ? checks.byteOffset : 0,
    boundsAddress: 0,
  });
  for (const { array, copy } of copies) array.set(copy);
  return variant;
}
