import { array, f32, f64, i8, i32, kernel, u8, u32 } from '@alpaka-ts/interface';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compileJavaScriptKernel } from '../src/index';
import { type CpuTarget, cpuTargets, runCompiled } from './run-compiled';

// A seeded generator, so a failure reproduces.
function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mix = kernel(
  'mix',
  {
    n: u32,
    a: array(i32, 'in'),
    b: array(i32, 'in'),
    u: array(u32, 'in'),
    v: array(u32, 'in'),
    x: array(f32, 'in'),
    y: array(f32, 'in'),
    outI: array(i32, 'out'),
    outU: array(u32, 'out'),
    outF: array(f32, 'out'),
  },
  (acc, { n, a, b, u, v, x, y, outI, outU, outF }) => {
    for (const i of acc.uniformElements(n)) {
      const p = a[i] * b[i] + (a[i] << 3) - (b[i] >> 2);
      const divisor = b[i] === 0 ? 1 : b[i];
      outI[i] = (p ^ (a[i] | b[i])) + Math.trunc(a[i] / divisor) - (a[i] % divisor);
      const q = u[i] * v[i] + (u[i] >>> 5) - v[i];
      outU[i] = q + (u[i] % (v[i] === 0 ? 1 : v[i])) + ~v[i];
      outF[i] = x[i] * y[i] + x[i] / (y[i] + 2) - Math.sqrt(Math.abs(x[i]));
    }
  },
);

// The reference computes with BigInt (integers) and Math.fround after every f32 operation: C's semantics
// written independently of the emitter.
const int32 = (value: bigint) => Number(BigInt.asIntN(32, value));
const uint32 = (value: bigint) => Number(BigInt.asUintN(32, value));
function reference(a: number, b: number, u: number, v: number, x: number, y: number) {
  const [A, B, U, V] = [BigInt(a), BigInt(b), BigInt(u), BigInt(v)];
  const p = BigInt.asIntN(32, A * B + BigInt.asIntN(32, A << 3n) - (B >> 2n));
  const D = B === 0n ? 1n : B;
  const outI = int32((p ^ (A | B)) + BigInt.asIntN(32, A / D) - (A % D));
  const q = BigInt.asUintN(32, U * V + (U >> 5n) - V);
  const E = V === 0n ? 1n : V;
  const outU = uint32(q + (U % E) + BigInt.asUintN(32, ~V));
  const f = Math.fround;
  const outF = f(f(f(x * y) + f(x / f(y + 2))) - f(Math.sqrt(Math.abs(x))));
  return { outI, outU, outF };
}

function inputs(count: number, seed: number) {
  const random = mulberry32(seed);
  const edgesI = [-2147483648, 2147483647, 0, -1, 1, -2];
  const edgesU = [0, 4294967295, 1, 2147483648, 2];
  const a = Int32Array.from({ length: count }, (_, i) => edgesI[i] ?? (random() * 2 ** 32) | 0);
  const b = Int32Array.from({ length: count }, (_, i) => edgesI[edgesI.length - 1 - i] ?? (random() * 2 ** 32) | 0);
  const u = Uint32Array.from({ length: count }, (_, i) => edgesU[i] ?? (random() * 2 ** 32) >>> 0);
  const v = Uint32Array.from({ length: count }, (_, i) => edgesU[edgesU.length - 1 - i] ?? (random() * 2 ** 32) >>> 0);
  const x = Float32Array.from({ length: count }, () => (random() - 0.5) * 2 ** (random() * 40 - 20));
  const y = Float32Array.from({ length: count }, () => (random() - 0.5) * 2 ** (random() * 40 - 20));
  return { a, b, u, v, x, y };
}

function runMix(definition: typeof mix, count: number, seed: number, target: CpuTarget) {
  const data = inputs(count, seed);
  const out = { outI: new Int32Array(count), outU: new Uint32Array(count), outF: new Float32Array(count) };
  runCompiled(definition, { n: count, ...data, ...out }, { blocks: 7, elements: 64, target });
  return { data, out };
}

describe.each(cpuTargets)('kernels compiled to %s follow C semantics', (target) => {
  it('matches a BigInt / fround reference bit for bit on random i32, u32 and f32 inputs', () => {
    const count = 4000;
    const { data, out } = runMix(mix, count, 20261122, target);
    for (let i = 0; i < count; i++) {
      const expected = reference(
        data.a[i] as number,
        data.b[i] as number,
        data.u[i] as number,
        data.v[i] as number,
        data.x[i] as number,
        data.y[i] as number,
      );
      if (out.outI[i] !== expected.outI || out.outU[i] !== expected.outU || !Object.is(out.outF[i], expected.outF)) {
        expect({ i, outI: out.outI[i], outU: out.outU[i], outF: out.outF[i] }).toEqual({ i, ...expected });
      }
    }
  });

  it('gives the same results from esbuild-minified source (renamed parameters and locals)', () => {
    const bundled = transformSync(`export default ${mix.source}`, { minify: true, loader: 'js', format: 'esm' }).code;
    // esbuild writes `var q=(…)=>{…};export{q as default};`: keep the function.
    const minified = bundled.replace(/^var \w+=/, '').replace(/;export\{.*$/s, '');
    // The minifier renamed acc and the locals; the destructuring keys keep the parameter names.
    expect(minified).toMatch(/^\(\w,\{n:\w,a:\w,/);
    const minifiedKernel = { ...mix, source: minified };
    const original = runMix(mix, 500, 7, target).out;
    const fromMinified = runMix(minifiedKernel, 500, 7, target).out;
    expect(fromMinified).toEqual(original);
  });

  it('wraps and converts small integer types, as C stores do', () => {
    const narrow = kernel(
      'narrow',
      {
        bytes: array(u8, 'in'),
        signed: array(i8, 'out'),
        wide: array(i32, 'out'),
        f: array(f64, 'in'),
        g: array(f32, 'out'),
      },
      (acc, { bytes, signed, wide, f, g }) => {
        if (acc.oncePerGrid()) {
          signed[0] = bytes[0] + bytes[1];
          wide[0] = bytes[0] + bytes[1];
          wide[1] = acc.u8(bytes[0] * 3);
          wide[2] = acc.i32(f[0]);
          wide[3] = acc.i32(-f[0]);
          wide[4] = acc.u16(70000);
          g[0] = f[1];
          let small = acc.u8(250);
          small += 10;
          wide[5] = small;
          let count = 0;
          count++;
          wide[6] = count++ + count;
        }
      },
    );
    const signed = new Int8Array(1);
    const wide = new Int32Array(7);
    const g = new Float32Array(1);
    runCompiled(
      narrow,
      { bytes: Uint8Array.from([200, 100]), signed, wide, f: Float64Array.from([3.99, 0.1]), g },
      { target },
    );
    expect([...signed]).toEqual([44]);
    expect([...wide]).toEqual([300, 88, 3, -3, 4464, 4, 3]);
    expect(g[0]).toBe(Math.fround(0.1));
  });

  it('keeps f32 arithmetic in f32 when a literal has a fraction, and promotes mixed integer types to u32', () => {
    const literals = kernel('literals', { x: f32, i: i32, u: u32, out: array(f64, 'out') }, (acc, { x, i, u, out }) => {
      if (acc.oncePerGrid()) {
        out[0] = x * 0.1;
        out[1] = i + u;
        out[2] = i < u ? 1 : 0;
        out[3] = acc.f64(x) * 0.1;
      }
    });
    const out = new Float64Array(4);
    runCompiled(literals, { x: Math.fround(3), i: -1, u: 1, out }, { target });
    expect(out[0]).toBe(Math.fround(Math.fround(3) * Math.fround(0.1)));
    // -1 + 1u is 0u; -1 < 1u is false in C (-1 converts to 4294967295).
    expect([out[1], out[2]]).toEqual([0, 0]);
    expect(out[3]).toBe(3 * 0.1);
  });

  it('emits counted loops, not generators or per-element closures', () => {
    const { source } = compileJavaScriptKernel(mix, 1);
    expect(source).not.toMatch(/function\*|yield|=>\s*{[^}]*outI/);
    expect(source).toMatch(/for \(let i = \$\$base\$\$loop0_0; i < \$\$chunkEnd\$\$loop0_0; i\+\+\)/);
    expect(source).toContain('Math.imul(');
    expect(source).toContain('Math.fround(');
  });
});
