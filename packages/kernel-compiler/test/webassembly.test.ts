import { array, bool, deviceFunction, f32, f64, i32, kernel, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../src/emitters/webassembly/binary-writer';
import { checkKernel, webAssemblyEmitter } from '../src/index';
import { runCompiled } from './run-compiled';

// @types/node 20 does not declare the WebAssembly global; the reflection this test uses, typed.
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      Module: {
        new (bytes: Uint8Array): object;
        imports(module: object): Array<{ kind: string }>;
        exports(module: object): unknown[];
      };
    };
  }
).WebAssembly;

/** Runs the kernel through both CPU emitters on copies of the same inputs; returns both outputs. */
function both<T extends Record<string, number | Int32Array | Uint32Array | Float32Array | Float64Array>>(
  definition: ReturnType<typeof kernel>,
  make: () => T,
  options: { blocks?: number; elements?: number } = {},
): [T, T] {
  const results = (['javascript', 'webassembly'] as const).map((target) => {
    const args = make();
    runCompiled(definition, args, { ...options, target });
    return args;
  });
  return results as [T, T];
}

describe('the WebAssembly emitter', () => {
  it('writes LEB128 as the format wants it: signed, unsigned, padded and patched', () => {
    const writer = new ByteWriter().unsigned(624485).signed(-123456).signed(63).signed(64);
    expect([...writer.result()]).toEqual([0xe5, 0x8e, 0x26, 0xc0, 0xbb, 0x78, 0x3f, 0xc0, 0x00]);
    const padded = new ByteWriter().paddedUnsigned(3);
    padded.patchUnsigned(0, 300);
    expect(padded.read(0)).toBe(300);
    expect([...padded.result()]).toEqual([0xac, 0x82, 0x80, 0x80, 0x00]);
  });

  it('gives what JavaScript gives where WebAssembly would trap or saturate: x / 0, x % 0, INT_MIN / -1, huge floats to int', () => {
    const edges = kernel(
      'edges',
      { a: array(i32, 'in'), b: array(i32, 'in'), u: array(u32, 'in'), f: array(f64, 'in'), out: array(i32) },
      (acc, { a, b, u, f, out }) => {
        for (const i of acc.uniformElements(4)) {
          out[i * 5] = Math.trunc(a[i] / b[i]);
          out[i * 5 + 1] = a[i] % b[i];
          out[i * 5 + 2] = acc.i32(Math.trunc(u[i] / acc.u32(b[i])));
          out[i * 5 + 3] = acc.i32(f[i]);
          out[i * 5 + 4] = acc.i32(acc.u32(f[i]) % 7);
        }
      },
    );
    const [javaScript, webAssembly] = both(edges, () => ({
      a: Int32Array.from([7, -2147483648, -2147483648, 5]),
      b: Int32Array.from([0, -1, 0, 3]),
      u: Uint32Array.from([9, 4294967295, 1, 0]),
      f: Float64Array.from([1e10, -3e9, Number.NaN, Number.POSITIVE_INFINITY]),
      out: new Int32Array(20),
    }));
    expect([...webAssembly.out]).toEqual([...javaScript.out]);
    // JavaScript's (7 / 0) | 0 is 0; INT_MIN / -1 wraps to INT_MIN; 1e10 | 0 is 1410065408.
    expect([javaScript.out[0], javaScript.out[5], javaScript.out[3]]).toEqual([0, -2147483648, 1410065408]);
  });

  it('compares bools as C does, as 0 and 1, whatever byte a bool array holds', () => {
    const compare = kernel('compareBools', { p: array(bool, 'in'), out: array(i32) }, (acc, { p, out }) => {
      for (const i of acc.uniformElements(4)) out[i] = (p[i] < p[(i + 1) % 4] ? 1 : 0) + (p[i] === p[3] ? 10 : 0);
    });
    const [javaScript, webAssembly] = both(compare, () => ({
      p: Uint8Array.from([0, 2, 1, 0]) as unknown as Int32Array,
      out: new Int32Array(4),
    }));
    expect([...javaScript.out]).toEqual([11, 0, 0, 10]);
    expect([...webAssembly.out]).toEqual([...javaScript.out]);
  });

  it('calls device functions at the right index when Math imports are added after the call is written', () => {
    const half = deviceFunction('half', { value: f32 }, f32, (_acc, { value }) => value * 0.5);
    const mixed = kernel('mixed', { x: array(f32), half }, (acc, { x, half: h }) => {
      for (const i of acc.uniformElements(3)) x[i] = h(x[i]) + Math.exp(x[i]) + Math.cos(x[i]);
    });
    const [javaScript, webAssembly] = both(mixed, () => ({ x: Float32Array.from([0.5, -1.25, 3]) }));
    expect([...webAssembly.x]).toEqual([...javaScript.x]);
    const f = Math.fround;
    expect(javaScript.x[0]).toBe(f(f(f(0.25) + f(Math.exp(0.5))) + f(Math.cos(0.5))));
  });

  it('runs the loop helpers over grids whose strides pass 2^32 without wrapping', () => {
    const groups = kernel('groups', { out: array(u32) }, (acc, { out }) => {
      for (const group of acc.independentGroups(5)) {
        for (const i of acc.independentGroupElements(3)) acc.atomicAdd(out, group, i + 1);
      }
      for (const g of acc.uniformGroups(10)) {
        for (const element of acc.uniformGroupElements(g, 10)) acc.atomicAdd(out, 5 + element.local, element.global);
      }
    });
    const [javaScript, webAssembly] = both(groups, () => ({ out: new Uint32Array(9) }), { blocks: 3, elements: 4 });
    expect([...webAssembly.out]).toEqual([...javaScript.out]);
    expect(javaScript.out[0]).toBe(6);
  });

  it('emits one module per kernel: a shared memory import, the kernel export, Math imports by name and arity', () => {
    const ir = checkKernel(
      kernel('hyp', { x: array(f64) }, (acc, { x }) => {
        for (const i of acc.uniformElements(2)) x[i] = Math.hypot(x[i], 3) + Math.hypot(x[i], 1, 2);
      }),
      { dimension: 1 },
    );
    const module = webAssemblyEmitter.emit(ir, { dimension: 1 });
    expect(module.imports.map((entry) => `${entry.module}.${entry.name}`)).toEqual(['Math.hypot/2', 'Math.hypot/3']);
    const compiled = new wasm.Module(module.bytes);
    expect(wasm.Module.imports(compiled).map((entry) => entry.kind)).toEqual(['memory', 'function', 'function']);
    expect(wasm.Module.exports(compiled)).toEqual([{ name: 'kernel', kind: 'function' }]);
  });
});
