import {
  allocBuf,
  array,
  computeLayout,
  defineLayout,
  f32,
  host,
  i32,
  type KernelDefinition,
  kernel,
  makeWorkDiv,
  u32,
  view,
} from '@alpaka-ts/interface';
import type { KernelArgumentV1 } from '@alpaka-ts/interface/backend';
import { afterEach, describe, expect, it } from 'vitest';
import { acc1D, webAssemblyVariantCounts } from '../src/index';

const saxpy = kernel('saxpy', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
});
// The index is computed: nothing is proven, every launch tests every access.
const shifted = kernel('shifted', { n: u32, offset: i32, y: array(f32) }, (acc, { n, offset, y }) => {
  for (const i of acc.uniformElements(n)) y[acc.i32(i) + offset] += 1;
});
const Points = defineLayout('Points', [
  { kind: 'column', name: 'x', elementType: f32 },
  { kind: 'arrayColumn', name: 'tags', elementType: f32, length: 2 },
]);
const fillPoints = kernel('fillPoints', { n: u32, points: view(Points) }, (acc, { n, points }) => {
  for (const i of acc.uniformElements(n)) {
    points.x[i] = 5;
    points.tags[i] = 7;
  }
});

const division = makeWorkDiv(acc1D, 2, 4);

afterEach(() => {
  delete process.env.ALPAKA_TS_CPU_EMITTER;
});

/** A host buffer of `values` with a neighbour of 9s allocated after it, so that a stray store would show. */
function filled(values: number[]) {
  const buffer = allocBuf(host(), f32, values.length);
  const neighbour = allocBuf(host(), f32, 4);
  buffer.hostArray().set(values);
  neighbour.hostArray().fill(9);
  return { buffer, contents: () => [...buffer.hostArray(), ...neighbour.hostArray()] };
}

/**
 * Launches through WebAssembly, then through JavaScript on fresh buffers; returns the contents after each and how
 * many of the WebAssembly launches ran unguarded.
 */
async function throughBoth(
  definition: KernelDefinition,
  scalars: Record<string, number>,
  arrays: Record<string, number[]>,
) {
  const results: Record<string, number[][]> = {};
  let unguarded = 0;
  for (const emitter of ['webassembly', 'javascript'] as const) {
    process.env.ALPAKA_TS_CPU_EMITTER = emitter;
    const buffers = Object.entries(arrays).map(([name, values]) => [name, filled(values)] as const);
    const args: Record<string, KernelArgumentV1> = { ...scalars };
    for (const [name, { buffer }] of buffers) args[name] = buffer as unknown as KernelArgumentV1;
    const before = webAssemblyVariantCounts().unguarded;
    await host()
      .createQueue()
      .exec(division, definition, args as never);
    if (emitter === 'webassembly') unguarded = webAssemblyVariantCounts().unguarded - before;
    results[emitter] = buffers.map(([, { contents }]) => contents());
  }
  return { webAssembly: results.webassembly, javaScript: results.javascript, unguarded };
}

describe('WebAssembly launches proven in range', () => {
  it('run without per-access guards when n is within every length', async () => {
    const run = await throughBoth(saxpy, { n: 8, a: 2 }, { x: [1, 2, 3, 4, 5, 6, 7, 8], y: new Array(8).fill(1) });
    expect(run.unguarded).toBe(1);
    expect(run.webAssembly).toEqual(run.javaScript);
    expect(run.webAssembly?.[1]).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 9, 9, 9, 9]);
  });

  it('run guarded when n exceeds a length: stores past it are dropped and loads read 0, as in JavaScript', async () => {
    const longY = await throughBoth(saxpy, { n: 8, a: 2 }, { x: [1, 2, 3, 4], y: new Array(8).fill(1) });
    expect(longY.unguarded).toBe(0);
    expect(longY.webAssembly).toEqual(longY.javaScript);
    expect(longY.webAssembly?.[1]).toEqual([3, 5, 7, 9, 1, 1, 1, 1, 9, 9, 9, 9]);
    const shortY = await throughBoth(saxpy, { n: 8, a: 2 }, { x: new Array(8).fill(1), y: [1, 1, 1] });
    expect(shortY.unguarded).toBe(0);
    expect(shortY.webAssembly).toEqual(shortY.javaScript);
    expect(shortY.webAssembly?.[1]).toEqual([3, 3, 3, 9, 9, 9, 9]);
  });

  it('never run unguarded when an access cannot be proven', async () => {
    for (const offset of [0, 3]) {
      const run = await throughBoth(shifted, { n: 4, offset }, { y: [0, 0, 0, 0] });
      expect(run.unguarded).toBe(0);
      expect(run.webAssembly).toEqual(run.javaScript);
    }
  });

  it('prove view columns against the view size, array columns against size × length', async () => {
    const size = 4;
    const floats = computeLayout(Points, size).byteSize / 4;
    for (const [n, expectUnguarded] of [
      [4, 1],
      [5, 0],
    ] as const) {
      const contents: number[][] = [];
      let unguarded = 0;
      for (const emitter of ['webassembly', 'javascript'] as const) {
        process.env.ALPAKA_TS_CPU_EMITTER = emitter;
        const { buffer, contents: read } = filled(new Array(floats).fill(3));
        const before = webAssemblyVariantCounts().unguarded;
        const points = { schema: Points, buffer, size } as const;
        await host()
          .createQueue()
          .exec(division, fillPoints, { n, points: points as never });
        if (emitter === 'webassembly') unguarded = webAssemblyVariantCounts().unguarded - before;
        contents.push(read());
      }
      expect(unguarded).toBe(expectUnguarded);
      expect(contents[0]).toEqual(contents[1]);
      expect(contents[0]?.slice(0, size)).toEqual(new Array(size).fill(5));
    }
  });
});
