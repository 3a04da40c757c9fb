import type { KernelDefinition, TypedArray } from '@alpaka-ts/interface';
import { compileJavaScriptKernel } from '../src/index';

/** Runs a kernel compiled to JavaScript over a 1D grid of `blocks` blocks × `elements` elements. */
export function runCompiled(
  kernel: KernelDefinition,
  args: Record<string, number | TypedArray>,
  options: {
    blocks?: number;
    elements?: number;
    dimension?: number;
    dynamicSharedBytes?: number;
    checks?: Uint32Array;
    constants?: Record<string, number>;
  } = {},
): void {
  const dimension = options.dimension ?? 1;
  const blocks = new Array(dimension).fill(options.blocks ?? 1);
  const elements = new Array(dimension).fill(options.elements ?? 1);
  const { run } = compileJavaScriptKernel(kernel, dimension, options.constants);
  run(
    args,
    { blocksPerGrid: blocks, threadsPerBlock: new Array(dimension).fill(1), elementsPerThread: elements },
    new ArrayBuffer(options.dynamicSharedBytes ?? 0),
    options.checks,
  );
}
