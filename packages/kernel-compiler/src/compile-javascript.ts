import type { KernelLaunchV1, KernelSourceV1 } from '@alpaka-ts/interface';
import { javaScriptEmitter } from './emitters/javascript-emitter';
import { checkKernel } from './front-end/check-kernel';
import { compiledOnce } from './specialisation';

export type CompiledJavaScriptKernel = (
  args: Readonly<Record<string, unknown>>,
  workDivision: KernelLaunchV1['workDivision'],
  dynamicShared: ArrayBuffer,
  checks: Uint32Array | undefined,
) => void;

export interface CompiledKernelEntry {
  readonly source: string;
  readonly run: CompiledJavaScriptKernel;
  /** The kernel calls acc.check, so a launch must pass a check buffer. */
  readonly usesChecks: boolean;
}

const compiled = new WeakMap<KernelSourceV1, Map<string, CompiledKernelEntry>>();

/**
 * The kernel as a JavaScript function specialised for a work-division dimension (and, given `constants`, for
 * those constant() values), compiled once per kernel, dimension and values. Throws KernelCompileError for a
 * kernel outside the language.
 */
export function compileJavaScriptKernel(
  kernel: KernelSourceV1,
  dimension: number,
  constants?: Readonly<Record<string, number>>,
): CompiledKernelEntry {
  return compiledOnce(compiled, kernel, dimension, constants, () => {
    const ir = checkKernel(kernel, { dimension, constants });
    const { source } = javaScriptEmitter.emit(ir, { dimension });
    // The emitted code reads only its arguments and Math: new Function gives it no access to this module.
    const run = new Function(source)() as CompiledJavaScriptKernel;
    return { source, run, usesChecks: ir.usesChecks };
  });
}
