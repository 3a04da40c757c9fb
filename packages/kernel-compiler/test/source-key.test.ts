import { array, constant, deviceFunction, f32, kernel, type Signature, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { compilerFingerprint, kernelSourceKey } from '../src/index';

const twice = deviceFunction('twice', { v: f32 }, f32, (_acc, { v }) => v * 2);
const makeKernel = (body: string, helper = twice) =>
  kernel(
    'scaled',
    { n: u32, x: array(f32), k: constant(u32), twice: helper },
    // The body's text is what the key reads, so each variant is a distinct function.
    new Function(`return ${body}`)(),
  );
const bodyA = '(acc, { n, x, k, twice }) => { for (const i of acc.uniformElements(n)) x[i] = twice(x[i]) * k; }';
const bodyB = '(acc, { n, x, k, twice }) => { for (const i of acc.uniformElements(n)) x[i] = twice(x[i]) + k; }';

describe('kernelSourceKey', () => {
  const base = {
    kernel: makeKernel(bodyA),
    dimension: 1,
    target: 'cuda',
    oneElementPerThread: true,
    constants: { k: 3 },
    options: { architecture: 'sm_90', nvrtc: '13.0', driver: 13000 },
  };
  const key = kernelSourceKey(base);

  it('is stable for the same kernel, even a separately made one with the same source', () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(kernelSourceKey({ ...base, kernel: makeKernel(bodyA) })).toBe(key);
    expect(kernelSourceKey({ ...base, options: { driver: 13000, nvrtc: '13.0', architecture: 'sm_90' } })).toBe(key);
  });

  it('changes with everything the compiled binary depends on', () => {
    const variants = [
      { ...base, kernel: makeKernel(bodyB) },
      {
        ...base,
        kernel: makeKernel(
          bodyA,
          deviceFunction('twice', { v: f32 }, f32, (_acc, { v }) => v + v),
        ),
      },
      {
        ...base,
        kernel: kernel('scaled', { ...base.kernel.signature, n: f32 } as Signature, base.kernel.body as never),
      },
      { ...base, kernel: kernel('renamed', base.kernel.signature, base.kernel.body) },
      { ...base, dimension: 2 },
      { ...base, oneElementPerThread: false },
      { ...base, constants: { k: 4 } },
      { ...base, target: 'hip' },
      { ...base, options: { ...base.options, architecture: 'sm_80' } },
      { ...base, options: { ...base.options, nvrtc: '13.1' } },
    ];
    const keys = variants.map((variant) => kernelSourceKey(variant));
    for (const other of keys) expect(other).not.toBe(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('carries the build fingerprint of this compiler (defined from its sources when built or tested)', () => {
    expect(compilerFingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});
