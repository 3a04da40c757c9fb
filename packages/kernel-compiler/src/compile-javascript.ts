import type { KernelSourceV1 } from '@alpaka-ts/interface';
import type { KernelLaunchV1 } from '@alpaka-ts/interface/backend';
import type { BoundsSite } from './bounds/bounds-sites';
import { emitterFor } from './emitter-registry';
import type { JavaScriptKernelSource } from './emitters/javascript/javascript-emitter';
import { checkKernel } from './front-end/check-kernel';
import { compiledOnce } from './specialisation';

export type CompiledJavaScriptKernel = (
  args: Readonly<Record<string, unknown>>,
  workDivision: KernelLaunchV1['workDivision'],
  dynamicShared: ArrayBuffer,
  checks: Uint32Array | undefined,
  /** The bounds record (boundsRecordWords u32, zeroed) of a bounds-checked kernel; undefined otherwise. */
  bounds: Uint32Array | undefined,
) => void;

export interface CompiledKernelEntry {
  readonly source: string;
  readonly run: CompiledJavaScriptKernel;
  /** The kernel calls acc.check, so a launch must pass a check buffer. */
  readonly usesChecks: boolean;
  /** The access sites a bounds record's site number names (empty without bounds checks). */
  readonly boundsSites: readonly BoundsSite[];
}

const compiled = new WeakMap<KernelSourceV1, Map<string, CompiledKernelEntry>>();

/**
 * The kernel as a JavaScript function specialised for a work-division dimension (and, given `constants`, for
 * those constant() values), compiled once per kernel, dimension, values and bounds-checking. Throws
 * KernelCompileError for a kernel outside the language.
 */
export function compileJavaScriptKernel(
  kernel: KernelSourceV1,
  dimension: number,
  constants?: Readonly<Record<string, number>>,
  boundsChecks = false,
): CompiledKernelEntry {
  return compiledOnce(compiled, kernel, dimension, constants, boundsChecks, () => {
    const ir = checkKernel(kernel, { dimension, constants });
    // The registry is the one place a target's emitter is looked up (emitCppModule does the same); once per
    // compile, so it costs nothing per launch.
    const { source, boundsSites } = emitterFor<JavaScriptKernelSource>('javascript').emit(ir, {
      dimension,
      boundsChecks,
    });
    // The emitted code reads only its arguments and Math: new Function gives it no access to this module.
    const run = new Function(source)() as CompiledJavaScriptKernel;
    return { source, run, usesChecks: ir.usesChecks, boundsSites };
  });
}
