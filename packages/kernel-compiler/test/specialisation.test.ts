import { array, constant, f32, i8, kernel, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { checkKernel, compileJavaScriptKernel, constantsOf, emitCppModule, specialisationKey } from '../src/index';
import { runCompiled } from './run-compiled';

const tiled = kernel(
  'tiled',
  { tile: constant(u32), scale: constant(f32), out: array(f32, 'out') },
  (acc, { tile, scale, out }) => {
    const shared = acc.sharedArray('f32', tile);
    for (let k = 0; k < tile; k++) shared[k] = k * scale;
    out[0] = shared[tile - 1];
  },
);

describe('constant() specialisation', () => {
  it('compiles the value in: a literal in C++, no parameter, an entry per value', () => {
    const module = emitCppModule('cuda', [
      { kernel: tiled, dimension: 1, constants: { tile: 16, scale: 0.5 } },
      { kernel: tiled, dimension: 1, constants: { tile: 32, scale: 0.5 } },
    ]);
    const [first, second] = module.kernels;
    expect(first?.entry).toMatch(/^tiled_1d_s[0-9a-f]{8}$/);
    expect(second?.entry).not.toBe(first?.entry);
    expect(first?.code).toContain('__shared__ float v_shared[16];');
    expect(second?.code).toContain('__shared__ float v_shared[32];');
    expect(first?.code).toMatch(/void tiled_1d_s[0-9a-f]{8}\(float\* v_out, uint32_t alpaka_elements_parameter0\)/);
    expect(first?.code).toContain('v_shared[v_k] = (((float)(v_k)) * 0.500000000f)');
    expect(first?.code).toContain('(uint32_t)(v_k)) < 16u');
  });

  it('runs in JavaScript with the value of each launch, one compile per value', () => {
    const out = new Float32Array(1);
    const first = compileJavaScriptKernel(tiled, 1, { tile: 4, scale: 1.5 });
    expect(compileJavaScriptKernel(tiled, 1, { scale: 1.5, tile: 4 })).toBe(first);
    expect(compileJavaScriptKernel(tiled, 1, { tile: 5, scale: 1.5 })).not.toBe(first);
    for (const target of ['javascript', 'webassembly'] as const) {
      runCompiled(tiled, { out }, { constants: { tile: 4, scale: 1.5 }, target });
      expect(out[0]).toBe(4.5);
      runCompiled(tiled, { out }, { constants: { tile: 7, scale: 0.25 }, target });
      expect(out[0]).toBe(1.5);
    }
  });

  it('takes the launch values from the arguments, and none for a kernel without constants', () => {
    expect(constantsOf(tiled, { tile: 3, scale: 2, out: 0 })).toEqual({ tile: 3, scale: 2 });
    const plain = kernel('plain', { n: u32, out: array(f32) }, (_acc, { n, out }) => {
      out[0] = n;
    });
    expect(constantsOf(plain, { n: 1, out: 0 })).toBeUndefined();
    expect(specialisationKey({ b: 1, a: -0 })).toBe('a=-0,b=1');
  });

  it('without a value, a constant() is an ordinary argument, and cannot size shared memory', () => {
    expect(() => checkKernel(tiled, { dimension: 1 })).toThrow(
      /must be an integer literal or a constant\(\) parameter the kernel is specialised for/,
    );
    const passed = kernel('passed', { k: constant(i8), out: array(f32) }, (_acc, { k, out }) => {
      out[0] = k;
    });
    expect(emitCppModule('cuda', [{ kernel: passed, dimension: 1 }]).source).toContain('int8_t v_k');
  });

  it('refuses values of the wrong type and names that are not constants', () => {
    expect(() => checkKernel(tiled, { dimension: 1, constants: { tile: -1, scale: 1 } })).toThrow(
      /constant 'tile' is u32, and -1 is not a value of that type/,
    );
    expect(() => checkKernel(tiled, { dimension: 1, constants: { tile: 2, scale: 0.1 } })).toThrow(
      /constant 'scale' is f32, and 0.1 is not a value of that type; specialise with 0.10000000149011612/,
    );
    expect(() => checkKernel(tiled, { dimension: 1, constants: { out: 2 } })).toThrow(
      /'out' is not a constant\(\) parameter, so it cannot be specialised/,
    );
  });
});
