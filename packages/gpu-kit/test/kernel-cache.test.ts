import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kernelCacheKey } from '@alpaka-ts/kernel-compiler';
import { describe, expect, it } from 'vitest';
import { kernelCacheDirectory } from '../src/index';
import { readCachedBinary, readKernelManifest, writeCachedBinary, writeKernelManifest } from '../src/kernel-cache';

describe('the kernel binary cache', () => {
  it('lives in the user cache directory unless configured, and can be turned off', () => {
    expect(kernelCacheDirectory('cuda', { HOME: '/home/u', XDG_CACHE_HOME: '/cache' })).toBe('/cache/alpaka-ts/cuda');
    expect(kernelCacheDirectory('rocm', { ALPAKA_TS_CACHE_DIR: '/tmp/k' })).toBe('/tmp/k/rocm');
    expect(kernelCacheDirectory('cuda', { ALPAKA_TS_CACHE_DIR: 'off' })).toBeUndefined();
  });

  it('keys binaries by source, options, architecture and compiler versions', () => {
    const base = {
      source: 'kernel',
      target: 'cuda',
      options: { options: '--gpu-architecture=sm_90', nvrtc: '13.0', driver: 13000 },
    };
    const key = kernelCacheKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(kernelCacheKey({ ...base, options: { ...base.options } })).toBe(key);
    expect(kernelCacheKey({ ...base, source: 'kernel ' })).not.toBe(key);
    expect(kernelCacheKey({ ...base, options: { ...base.options, options: '--gpu-architecture=sm_80' } })).not.toBe(
      key,
    );
    expect(kernelCacheKey({ ...base, options: { ...base.options, nvrtc: '13.1' } })).not.toBe(key);
    expect(kernelCacheKey({ ...base, options: { ...base.options, driver: 13010 } })).not.toBe(key);
  });

  it('round-trips a binary, and misses cleanly', () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'alpaka-cache-')), 'cuda');
    expect(readCachedBinary(directory, 'missing', 'cubin')).toBeUndefined();
    writeCachedBinary(directory, 'abc', 'cubin', Uint8Array.from([1, 2, 3]).buffer);
    expect([...new Uint8Array(readCachedBinary(directory, 'abc', 'cubin') ?? new ArrayBuffer(0))]).toEqual([1, 2, 3]);
    // The extension keeps one backend's code objects apart from another's under the same key.
    expect(readCachedBinary(directory, 'abc', 'hsaco')).toBeUndefined();
  });
});

describe('the kernel manifest (what a source-keyed cache hit needs without the compiler)', () => {
  it('round-trips, and treats a missing or damaged manifest as a miss', () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'alpaka-cache-')), 'cuda');
    const sourceKey = 'a'.repeat(64);
    expect(readKernelManifest(directory, sourceKey)).toBeUndefined();
    const manifest = { binaryKey: 'b'.repeat(64), entry: 'scaled_1d_s0123', usesChecks: true };
    writeKernelManifest(directory, sourceKey, manifest);
    expect(readKernelManifest(directory, sourceKey)).toEqual(manifest);
    writeFileSync(join(directory, `${sourceKey}.kernel.json`), '{"binaryKey": "../../etc/passwd", "entry": "x"');
    expect(readKernelManifest(directory, sourceKey)).toBeUndefined();
    writeFileSync(join(directory, `${sourceKey}.kernel.json`), JSON.stringify({ ...manifest, binaryKey: '../x' }));
    expect(readKernelManifest(directory, sourceKey)).toBeUndefined();
  });

  it('writes nothing when the cache is off', () => {
    expect(() => writeKernelManifest(undefined, 'a', { binaryKey: 'b', entry: 'e', usesChecks: false })).not.toThrow();
    expect(readKernelManifest(undefined, 'a')).toBeUndefined();
  });
});
