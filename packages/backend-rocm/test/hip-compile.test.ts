import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlpakaError } from '@alpaka-ts/interface';
import { conformanceKernels } from '@alpaka-ts/interface/testing';
import { describe, expect, it } from 'vitest';
import { probeHiprtcTarget } from '../src/hip-targets';
import { rocmKernelBinaries } from '../src/index';
import { toolchain } from './toolchain';

/** Every conformance kernel in every dimension and specialisation it is launched with, in both GPU variants. */
const variants = conformanceKernels.flatMap(({ kernel, dimensions, specialisations = [undefined] }) =>
  specialisations.flatMap((constants) =>
    dimensions.flatMap((dimension) =>
      [false, true].map((oneElementPerThread) => ({ kernel, dimension, oneElementPerThread, constants })),
    ),
  ),
);

const elfMagic = [0x7f, 0x45, 0x4c, 0x46];

// CI requires the toolchain (native-addon.test.ts fails there without it); elsewhere these are skipped.
describe.skipIf(!toolchain.available)("rocm_async's compile path with HIP 5.2's hiprtc, without an AMD GPU", () => {
  for (const target of ['gfx90a', 'gfx908']) {
    it(`compiles every conformance kernel (${variants.length} variants) for ${target} to a code object`, () => {
      const binaries = rocmKernelBinaries({ cacheDirectory: undefined });
      const entries = new Set<string>();
      for (const variant of variants) {
        const { binary, entry } = binaries.binaryFor(variant, target);
        expect([...new Uint8Array(binary, 0, 4)], `${variant.kernel.name} ${variant.dimension}D`).toEqual(elfMagic);
        entries.add(`${entry}:${JSON.stringify(variant.constants ?? {})}`);
      }
      expect(entries.size).toBe(variants.length);
      expect(binaries.statistics).toEqual({ compiled: variants.length, loadedFromDisk: 0 });
    }, 300_000);
  }

  it('refuses gfx942, which HIP 5.2 predates, with a clear error instead of crashing, and compiles nothing', () => {
    const binaries = rocmKernelBinaries({ cacheDirectory: undefined });
    const variant = variants[0];
    if (!variant) throw new Error('the conformance suite has no kernels');
    let refusal: unknown;
    try {
      binaries.binaryFor(variant, 'gfx942');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AlpakaError);
    expect((refusal as AlpakaError).code).toBe('ALPAKA_UNSUPPORTED_TARGET');
    expect((refusal as Error).message).toMatch(
      /^hiprtc \S+ of HIP 5\.2\.\d+ \(\S+\) cannot compile for gfx942: this HIP release predates gfx942's family .*so it was not called\. Use a ROCm whose hiprtc supports gfx942/,
    );
    expect(binaries.statistics.compiled).toBe(0);
    // This process is still alive, and the same compiler goes on compiling for targets it knows.
    expect(binaries.binaryFor(variant, 'gfx90a').binary.byteLength).toBeGreaterThan(0);
  }, 120_000);

  it("the child-process check sees HIP 5.2's hiprtc abort on gfx942 and compile for gfx90a", () => {
    if (!toolchain.available) return;
    const crashed = probeHiprtcTarget(toolchain.addonPath, toolchain.hiprtcPath, 'gfx942');
    expect(crashed).toMatch(
      /^compiling a one-line kernel for it crashed the checking process \(it was killed by SIGABRT/,
    );
    expect(probeHiprtcTarget(toolchain.addonPath, toolchain.hiprtcPath, 'gfx90a')).toBeUndefined();
  }, 120_000);

  it('a second process finds every kernel in the disk cache and compiles none', () => {
    const cacheDirectory = join(mkdtempSync(join(tmpdir(), 'alpaka-rocm-cache-')), 'rocm');
    const some = variants.slice(0, 6);
    const first = rocmKernelBinaries({ cacheDirectory });
    for (const variant of some) first.binaryFor(variant, 'gfx90a');
    expect(first.statistics.compiled).toBe(some.length);
    const second = rocmKernelBinaries({ cacheDirectory });
    const loaded = some.map((variant) => second.binaryFor(variant, 'gfx90a'));
    expect(second.statistics).toEqual({ compiled: 0, loadedFromDisk: some.length });
    for (const { binary } of loaded) expect([...new Uint8Array(binary, 0, 4)]).toEqual(elfMagic);
  }, 120_000);
});
