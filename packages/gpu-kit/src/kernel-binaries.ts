import { AlpakaError, type KernelSourceV1 } from '@alpaka-ts/interface';
import { type BoundsSite, emitCppModule, kernelCacheKey, kernelSourceKey } from '@alpaka-ts/kernel-compiler';
import type { GpuVendor } from './gpu-vendor';
import { readCachedBinary, readKernelManifest, writeCachedBinary, writeKernelManifest } from './kernel-cache';
import type { CompileResult } from './native-binding';

/** One kernel variant, compiled for one architecture: what loading it on a device needs. */
export interface KernelBinary {
  readonly binary: ArrayBuffer;
  /** The kernel's entry point (its extern "C" name). */
  readonly entry: string;
  readonly usesChecks: boolean;
  /** A bounds-checked variant's access sites, by the number its bounds record holds; empty without checks. */
  readonly boundsSites: readonly BoundsSite[];
}

/** Which variant of a kernel: the dimension it runs in, its work-division variant and its constant() values. */
export interface KernelVariant {
  readonly kernel: KernelSourceV1;
  readonly dimension: number;
  /** The variant for work divisions of one element per thread (a GPU's usual one). */
  readonly oneElementPerThread: boolean;
  readonly constants?: Readonly<Record<string, number>> | undefined;
  /** The bounds-checked variant (entry `_bc`, with the bounds record, shared bytes and array lengths as parameters). */
  readonly boundsChecks?: boolean | undefined;
}

/** How a backend's run-time compiler is reached: the call, and what its binaries depend on. */
export interface RuntimeCompiler {
  compile(source: string, name: string, options: readonly string[]): CompileResult;
  /** Compiler and driver versions: part of every cache key. */
  readonly versions: Readonly<Record<string, string | number>>;
  /** Refuses, with a clear error, an architecture the compiler cannot target, before it is called. */
  readonly checkTarget?: ((architecture: string) => void) | undefined;
}

/** The lines of the generated source a compiler log refers to ("(12)" or ":12:"), numbered, so the message shows what failed. */
export function sourceExcerpt(source: string, log: string): string {
  const lines = source.split('\n');
  const referenced = new Set([...log.matchAll(/\((\d+)\)|:(\d+):\d+:/g)].map((match) => Number(match[1] ?? match[2])));
  const shown = [...referenced]
    .flatMap((line) => [line - 1, line, line + 1])
    .filter((line) => line >= 1 && line <= lines.length);
  return [...new Set(shown)]
    .sort((a, b) => a - b)
    .map((line) => `${String(line).padStart(5)} | ${lines[line - 1]}`)
    .join('\n');
}

/**
 * Kernels compiled by the backend's run-time compiler (NVRTC, hiprtc) for an architecture, without a device.
 * Binaries are cached on disk by kernelCacheKey (source, options, architecture, compiler and driver versions),
 * and each variant's manifest by its source key, so a second run of a program neither compiles nor emits.
 */
export class KernelBinaries {
  /** What this process did, for tests and benchmarks. */
  readonly statistics = { compiled: 0, loadedFromDisk: 0 };

  constructor(
    private readonly vendor: GpuVendor,
    private readonly compiler: RuntimeCompiler,
    /** Where binaries are kept (kernelCacheDirectory(vendor.cacheFolder)); undefined: no disk cache. */
    readonly cacheDirectory: string | undefined,
  ) {}

  /** The code object of one kernel variant for `architecture` ("sm_90", "gfx90a"), from the disk cache or compiled. */
  binaryFor(variant: KernelVariant, architecture: string): KernelBinary {
    const { kernel, dimension, oneElementPerThread, constants } = variant;
    const boundsChecks = variant.boundsChecks === true;
    const { vendor, compiler, cacheDirectory } = this;
    const extension = vendor.binaryExtension;
    // A kernel compiled by an earlier process is found by its own source: no parsing, checking or emitting.
    const sourceKey = kernelSourceKey({
      kernel,
      dimension,
      target: vendor.emitterTarget,
      oneElementPerThread,
      constants,
      // Only checked variants add the option, so the keys of unchecked kernels (and their caches) stay as they were.
      options: boundsChecks
        ? { architecture, ...compiler.versions, boundsChecks: true }
        : { architecture, ...compiler.versions },
    });
    const manifest = readKernelManifest(cacheDirectory, sourceKey);
    // A checked variant's manifest must name its sites, or a violation could not be described: else compile again.
    const usable = manifest && (!boundsChecks || manifest.boundsSites !== undefined) ? manifest : undefined;
    const cached = usable && readCachedBinary(cacheDirectory, usable.binaryKey, extension);
    if (usable && cached) {
      this.statistics.loadedFromDisk += 1;
      return {
        binary: cached,
        entry: usable.entry,
        usesChecks: usable.usesChecks,
        boundsSites: usable.boundsSites ?? [],
      };
    }
    const module = emitCppModule(vendor.emitterTarget, [
      { kernel, dimension, oneElementPerThread, constants, boundsChecks },
    ]);
    const options = [...module.requiredOptions, ...vendor.compileOptions(architecture)];
    const binaryKey = kernelCacheKey({
      source: module.source,
      target: vendor.emitterTarget,
      options: { options: options.join(' '), ...compiler.versions },
    });
    let binary = readCachedBinary(cacheDirectory, binaryKey, extension);
    if (binary) this.statistics.loadedFromDisk += 1;
    else {
      compiler.checkTarget?.(architecture);
      const result = compiler.compile(
        module.source,
        `${kernel.name}.${vendor.emitterTarget === 'cuda' ? 'cu' : 'hip'}`,
        options,
      );
      if (!result.ok || !result.binary) {
        throw new AlpakaError(
          'ALPAKA_KERNEL_COMPILE',
          `${vendor.compilerName} failed to compile kernel '${kernel.name}' for ${architecture} (${result.error}):\n${result.log}\n${sourceExcerpt(module.source, result.log)}`,
        );
      }
      binary = result.binary;
      this.statistics.compiled += 1;
      writeCachedBinary(cacheDirectory, binaryKey, extension, binary);
    }
    const emitted = module.kernels[0];
    if (!emitted) throw new Error(`internal error: the module of kernel '${kernel.name}' has no entry`);
    const { entry, boundsSites } = emitted;
    writeKernelManifest(
      cacheDirectory,
      sourceKey,
      boundsChecks
        ? { binaryKey, entry, usesChecks: emitted.usesChecks, boundsSites }
        : { binaryKey, entry, usesChecks: emitted.usesChecks },
    );
    return { binary, entry, usesChecks: emitted.usesChecks, boundsSites };
  }
}
