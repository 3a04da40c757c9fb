import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlpakaError, array, constant, f32, kernel, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import type { GpuVendor } from '../src/gpu-vendor';
import { KernelBinaries, type RuntimeCompiler, sourceExcerpt } from '../src/kernel-binaries';

const scale = kernel('scale', { n: u32, factor: constant(u32), x: array(f32) }, (acc, { n, factor, x }) => {
  for (const i of acc.uniformElements(n)) x[i] = x[i] * factor;
});

const vendor: GpuVendor = {
  backendName: 'test_async',
  accelerator: 'gpu-test',
  acceleratorTypeName: 'AccGpuTest',
  platformName: 'test',
  maker: 'Test',
  emitterTarget: 'hip',
  compilerName: 'testrtc',
  cacheFolder: 'test',
  binaryExtension: 'bin',
  compileOptions: (target) => [`--offload-arch=${target}`],
  isOutOfMemory: () => false,
};

/** A compiler that records what it was asked and returns the options as the "binary". */
function fakeCompiler(versions: Record<string, string | number> = { hip: 50221153, hiprtc: '9.0' }) {
  const calls: { name: string; options: readonly string[]; source: string }[] = [];
  const checked: string[] = [];
  const compiler: RuntimeCompiler = {
    compile: (source, name, options) => {
      calls.push({ name, options, source });
      return { ok: true, log: '', error: 'OK', binary: new TextEncoder().encode(options.join(' ')).buffer };
    },
    versions,
    checkTarget: (target) => {
      checked.push(target);
      if (target === 'gfx942') throw new AlpakaError('ALPAKA_UNSUPPORTED_TARGET', 'gfx942 is unknown');
    },
  };
  return { compiler, calls, checked };
}

const scratch = () => join(mkdtempSync(join(tmpdir(), 'alpaka-binaries-')), 'test');
const variant = { kernel: scale, dimension: 1, oneElementPerThread: true, constants: { factor: 3 } };

describe('kernel binaries (the compile path GPU backends share)', () => {
  it('compiles with the emitted options and the vendor options for the target, after checking the target', () => {
    const { compiler, calls, checked } = fakeCompiler();
    const binaries = new KernelBinaries(vendor, compiler, undefined);
    const result = binaries.binaryFor(variant, 'gfx90a');
    expect(checked).toEqual(['gfx90a']);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.name).toBe('scale.hip');
    expect(calls[0]?.options).toEqual(['-ffp-contract=off', '--offload-arch=gfx90a']);
    // The constant is compiled in, so the source carries its value.
    expect(calls[0]?.source).toMatch(/extern "C" __global__/);
    expect(result.entry).toMatch(/^scale_1d/);
    expect(result.usesChecks).toBe(false);
    expect(new TextDecoder().decode(result.binary)).toBe('-ffp-contract=off --offload-arch=gfx90a');
    expect(binaries.statistics).toEqual({ compiled: 1, loadedFromDisk: 0 });
  });

  it('refuses a target the check refuses, without calling the compiler', () => {
    const { compiler, calls } = fakeCompiler();
    const binaries = new KernelBinaries(vendor, compiler, undefined);
    expect(() => binaries.binaryFor(variant, 'gfx942')).toThrow(/gfx942 is unknown/);
    expect(calls).toHaveLength(0);
    expect(binaries.statistics.compiled).toBe(0);
  });

  it('keys the disk cache by target, constants, work-division variant and compiler versions', () => {
    const directory = scratch();
    const first = fakeCompiler();
    new KernelBinaries(vendor, first.compiler, directory).binaryFor(variant, 'gfx90a');
    // Another process, same everything: nothing compiled, nothing checked.
    const again = fakeCompiler();
    const cached = new KernelBinaries(vendor, again.compiler, directory);
    expect(new TextDecoder().decode(cached.binaryFor(variant, 'gfx90a').binary)).toBe(
      '-ffp-contract=off --offload-arch=gfx90a',
    );
    expect(again.calls).toHaveLength(0);
    expect(again.checked).toHaveLength(0);
    expect(cached.statistics).toEqual({ compiled: 0, loadedFromDisk: 1 });
    // Each difference compiles anew.
    cached.binaryFor(variant, 'gfx908');
    cached.binaryFor({ ...variant, constants: { factor: 4 } }, 'gfx90a');
    cached.binaryFor({ ...variant, oneElementPerThread: false }, 'gfx90a');
    expect(again.calls).toHaveLength(3);
    const newer = fakeCompiler({ hip: 60000000, hiprtc: '9.0' });
    new KernelBinaries(vendor, newer.compiler, directory).binaryFor(variant, 'gfx90a');
    expect(newer.calls).toHaveLength(1);
  });

  it('reports a compiler failure with the kernel, the target, the log and the generated lines it names', () => {
    const compiler: RuntimeCompiler = {
      compile: () => ({
        ok: false,
        error: 'HIPRTC_ERROR_COMPILATION',
        log: '/tmp/comgr/input/CompileSource:3:5: error: use of undeclared identifier',
      }),
      versions: {},
    };
    const binaries = new KernelBinaries(vendor, compiler, undefined);
    expect(() => binaries.binaryFor(variant, 'gfx90a')).toThrow(
      /testrtc failed to compile kernel 'scale' for gfx90a \(HIPRTC_ERROR_COMPILATION\):[\s\S]*undeclared identifier[\s\S]*\n {4}3 \| /,
    );
  });
});

describe('the source excerpt', () => {
  it('shows the lines NVRTC ("(2)") and hiprtc (":2:5:") logs name, with their neighbours', () => {
    const source = 'one\ntwo\nthree\nfour\nfive';
    expect(sourceExcerpt(source, 'kernel.cu(2): error')).toBe('    1 | one\n    2 | two\n    3 | three');
    expect(sourceExcerpt(source, 'CompileSource:5:1: error')).toBe('    4 | four\n    5 | five');
    expect(sourceExcerpt(source, 'no line here')).toBe('');
  });
});
