import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { array, f32, i32, kernel, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import type { GpuVendor } from '../src/gpu-vendor';
import { KernelBinaries, type RuntimeCompiler } from '../src/kernel-binaries';

const shiftedRead = kernel(
  'shiftedRead',
  { n: u32, offset: i32, x: array(f32, 'in'), out: array(f32) },
  (acc, { n, offset, x, out }) => {
    for (const i of acc.uniformElements(n)) out[i] = x[acc.i32(i) + offset] + 1;
  },
);

const vendor = (emitterTarget: 'cuda' | 'hip'): GpuVendor => ({
  backendName: `${emitterTarget}_test`,
  accelerator: 'gpu-test',
  acceleratorTypeName: 'AccGpuTest',
  platformName: 'test',
  maker: 'Test',
  emitterTarget,
  compilerName: 'testrtc',
  cacheFolder: emitterTarget,
  binaryExtension: 'bin',
  compileOptions: (target) => [`--arch=${target}`],
  isOutOfMemory: () => false,
});

/** A compiler that keeps each source it was given and returns it as the "binary". */
function recordingCompiler() {
  const sources: string[] = [];
  const compiler: RuntimeCompiler = {
    compile: (source) => {
      sources.push(source);
      return { ok: true, log: '', error: 'OK', binary: new TextEncoder().encode(source).buffer };
    },
    versions: { compiler: '1.0' },
  };
  return { compiler, sources };
}

const unchecked = { kernel: shiftedRead, dimension: 1, oneElementPerThread: true };
const checked = { ...unchecked, boundsChecks: true };
const scratch = () => join(mkdtempSync(join(tmpdir(), 'alpaka-bounds-binaries-')), 'test');

for (const dialect of ['cuda', 'hip'] as const) {
  describe(`the bounds-checked variant's binary (${dialect})`, () => {
    it('is compiled apart from the unchecked one, with its own entry and the sites a violation is named by', () => {
      const { compiler, sources } = recordingCompiler();
      const binaries = new KernelBinaries(vendor(dialect), compiler, undefined);
      const plain = binaries.binaryFor(unchecked, 'arch1');
      const bounded = binaries.binaryFor(checked, 'arch1');
      expect(sources).toHaveLength(2);
      expect(plain.entry).toBe('shiftedRead_1d_1e');
      expect(plain.boundsSites).toEqual([]);
      expect(sources[0]).not.toMatch(/alpaka_bounded_load/);
      expect(bounded.entry).toBe('shiftedRead_1d_1e_bc');
      expect(sources[1]).toMatch(/extern "C" __global__ void shiftedRead_1d_1e_bc\(/);
      expect(bounded.boundsSites).toEqual([
        { target: "argument 'x'", signedIndex: true },
        { target: "argument 'out'", signedIndex: false },
      ]);
    });

    it('is cached on disk under its own keys, and a later process gets its entry and sites without compiling', () => {
      const directory = scratch();
      const first = recordingCompiler();
      const original = new KernelBinaries(vendor(dialect), first.compiler, directory);
      original.binaryFor(unchecked, 'arch1');
      const compiled = original.binaryFor(checked, 'arch1');
      // Two binaries and two manifests: nothing of one variant overwrote the other's.
      expect(readdirSync(directory).filter((name) => name.endsWith('.bin'))).toHaveLength(2);
      expect(readdirSync(directory).filter((name) => name.endsWith('.kernel.json'))).toHaveLength(2);
      const later = recordingCompiler();
      const cached = new KernelBinaries(vendor(dialect), later.compiler, directory);
      const fromDisk = cached.binaryFor(checked, 'arch1');
      expect(later.sources).toHaveLength(0);
      expect(cached.statistics).toEqual({ compiled: 0, loadedFromDisk: 1 });
      expect(fromDisk.entry).toBe(compiled.entry);
      expect(fromDisk.boundsSites).toEqual(compiled.boundsSites);
      expect(new TextDecoder().decode(fromDisk.binary)).toMatch(/_bc\(/);
      expect(cached.binaryFor(unchecked, 'arch1').entry).toBe('shiftedRead_1d_1e');
      expect(later.sources).toHaveLength(0);
    });

    it('treats a checked manifest without its sites as a miss (an older cache), and rewrites it', () => {
      const directory = scratch();
      new KernelBinaries(vendor(dialect), recordingCompiler().compiler, directory).binaryFor(checked, 'arch1');
      const manifestFile = readdirSync(directory).find((name) => name.endsWith('.kernel.json')) ?? '';
      const { boundsSites: _dropped, ...withoutSites } = JSON.parse(
        readFileSync(join(directory, manifestFile), 'utf8'),
      );
      writeFileSync(join(directory, manifestFile), JSON.stringify(withoutSites));
      const again = recordingCompiler();
      const binaries = new KernelBinaries(vendor(dialect), again.compiler, directory);
      // The binary itself is still found by its own key; only emitting runs again, to learn the sites.
      expect(binaries.binaryFor(checked, 'arch1').boundsSites).toHaveLength(2);
      expect(JSON.parse(readFileSync(join(directory, manifestFile), 'utf8')).boundsSites).toHaveLength(2);
    });
  });
}
