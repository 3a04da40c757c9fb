import type { KernelSourceV1 } from '@alpaka-ts/interface';
import { emitterFor } from './emitter-registry';
import { cppBoundsPrelude } from './emitters/cpp/cpp-bounds';
import type { CppKernelSource } from './emitters/cpp/cpp-emitter';
import { type CppDialect, cppPrelude } from './emitters/cpp/cpp-prelude';
import { checkKernel } from './front-end/check-kernel';

export interface CppModule {
  readonly dialect: CppDialect;
  /** The whole translation unit: the dialect's prelude, then every kernel. */
  readonly source: string;
  readonly kernels: ReadonlyArray<
    CppKernelSource & {
      readonly kernel: KernelSourceV1;
      readonly dimension: number;
      /** The kernel calls acc.check, so a launch must pass a check buffer (the IR's usesChecks, read once here). */
      readonly usesChecks: boolean;
    }
  >;
  /** Options the module must be compiled with for the kernels to give the JavaScript emitter's results. */
  readonly requiredOptions: readonly string[];
}

/**
 * One CUDA or HIP module holding the given kernel specialisations. Compile it without floating-point
 * contraction (requiredOptions): a * b + c fused into an FMA rounds once, and serial rounds twice, as C does.
 */
export function emitCppModule(
  dialect: CppDialect,
  specialisations: ReadonlyArray<{
    readonly kernel: KernelSourceV1;
    readonly dimension: number;
    readonly oneElementPerThread?: boolean;
    /** constant() values to specialise for (see CheckOptions.constants). */
    readonly constants?: Readonly<Record<string, number>> | undefined;
    /** The bounds-checked variant (an entry of its own, `_bc`; the module then adds the bounds helpers). */
    readonly boundsChecks?: boolean;
  }>,
): CppModule {
  // The dialect's emitter comes from the registry, the one place a target's emitter is looked up.
  const emitter = emitterFor<CppKernelSource>(dialect);
  const kernels = specialisations.map(
    ({ kernel, dimension, oneElementPerThread = false, constants, boundsChecks = false }) => {
      const ir = checkKernel(kernel, { dimension, constants });
      return {
        ...emitter.emit(ir, { dimension, oneElementPerThread, boundsChecks }),
        kernel,
        dimension,
        usesChecks: ir.usesChecks,
      };
    },
  );
  // Only a module with checked kernels has the bounds helpers: an unchecked module's source is unchanged.
  const bounds = specialisations.some((specialisation) => specialisation.boundsChecks === true)
    ? [cppBoundsPrelude]
    : [];
  const source = [cppPrelude(dialect), ...bounds, ...kernels.map((kernel) => kernel.code)].join('\n');
  return { dialect, source, kernels, requiredOptions: dialect === 'cuda' ? ['--fmad=false'] : ['-ffp-contract=off'] };
}
