import {
  allocBuf,
  array,
  computeLayout,
  defineLayout,
  f32,
  host,
  i32,
  KernelExecutionError,
  kernel,
  makeWorkDiv,
  u32,
  view,
} from '@alpaka-ts/interface';
import { afterEach, describe, expect, it } from 'vitest';
import { acc1D, cpuLaunchCounts } from '../src/index';

const saxpy = kernel('saxpy', { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) }, (acc, { n, a, x, y }) => {
  for (const i of acc.uniformElements(n)) y[i] = a * x[i] + y[i];
});
// Reads past x at n + offset (offset may be negative: an i32 index).
const shiftedRead = kernel(
  'shiftedRead',
  { n: u32, offset: i32, x: array(f32, 'in'), out: array(f32) },
  (acc, { n, offset, x, out }) => {
    for (const i of acc.uniformElements(n)) {
      const at = acc.i32(i) + offset;
      out[i] = x[at] + 1;
    }
  },
);
const Points = defineLayout('Points', [
  { kind: 'column', name: 'x', elementType: f32 },
  { kind: 'arrayColumn', name: 'tags', elementType: i32, length: 2 },
]);
const viewOverrun = kernel('viewOverrun', { n: u32, points: view(Points) }, (acc, { n, points }) => {
  for (const i of acc.uniformElements(n)) {
    points.x[i] = 5;
    points.tags[2 * i + 1] = 7;
  }
});

const division = makeWorkDiv(acc1D, 1, 8);

/** Host buffers, a neighbour allocated after each, all filled, so a stray store shows. */
function buffers() {
  const x = allocBuf(host(), f32, 4);
  const xNeighbour = allocBuf(host(), f32, 4);
  const y = allocBuf(host(), f32, 4);
  const yNeighbour = allocBuf(host(), f32, 4);
  x.hostArray().fill(1);
  xNeighbour.hostArray().fill(9);
  y.hostArray().fill(1);
  yNeighbour.hostArray().fill(9);
  return { x, y, xNeighbour, yNeighbour };
}

afterEach(() => {
  delete process.env.ALPAKA_TS_CPU_EMITTER;
  delete process.env.ALPAKA_TS_BOUNDS_CHECKS;
});

for (const emitter of ['webassembly', 'javascript'] as const) {
  describe(`bounds checks through ${emitter}`, () => {
    const use = () => {
      process.env.ALPAKA_TS_CPU_EMITTER = emitter;
      return cpuLaunchCounts()[emitter];
    };

    it('fail a launch storing past its array, naming kernel, argument, index and extent, and skip the store', async () => {
      const launches = use();
      const { x, y, xNeighbour, yNeighbour } = buffers();
      const long = allocBuf(host(), f32, 8);
      long.hostArray().fill(1);
      const queue = host().createQueue();
      const failure = queue.exec(division, saxpy, { n: 8, a: 2, x: long, y }, { boundsChecks: true });
      await expect(failure).rejects.toBeInstanceOf(KernelExecutionError);
      await expect(queue.exec(division, saxpy, { n: 8, a: 2, x: long, y }, { boundsChecks: true })).rejects.toThrow(
        /^kernel 'saxpy': argument 'y' index 4 is out of range \(extent 4\)/,
      );
      // In range: computed twice (3, then 5); out of range: skipped, so the neighbours are untouched.
      expect([...y.hostArray()]).toEqual([5, 5, 5, 5]);
      expect([...yNeighbour.hostArray()]).toEqual([9, 9, 9, 9]);
      expect([...x.hostArray(), ...xNeighbour.hostArray()]).toEqual([1, 1, 1, 1, 9, 9, 9, 9]);
      expect(cpuLaunchCounts()[emitter] - launches).toBe(2);
    });

    it('fail a launch loading past its array (an i32 index below 0 reads as negative), and read 0', async () => {
      use();
      const { x, y, yNeighbour } = buffers();
      const queue = host().createQueue({ boundsChecks: true });
      await expect(queue.exec(division, shiftedRead, { n: 4, offset: -2, x, out: y })).rejects.toThrow(
        "kernel 'shiftedRead': argument 'x' index -2 is out of range (extent 4); 1 more out-of-range access was skipped.",
      );
      expect([...y.hostArray()]).toEqual([1, 1, 2, 2]);
      expect([...yNeighbour.hostArray()]).toEqual([9, 9, 9, 9]);
    });

    it('check view columns against the view size, array columns against size × length', async () => {
      use();
      const layoutBytes = computeLayout(Points, 2).byteSize;
      const bytes = allocBuf(host(), f32, layoutBytes / 4 + 64);
      bytes.hostArray().fill(3);
      const points = { schema: Points, buffer: bytes, size: 2 } as const;
      const queue = host().createQueue();
      await expect(
        queue.exec(division, viewOverrun, { n: 3, points: points as never }, { boundsChecks: true }),
      ).rejects.toThrow(/^kernel 'viewOverrun': argument 'points' field 'x' index 2 is out of range \(extent 2\)/);
      // tags[5] is past size × length = 4: skipped too, and nothing after the layout was written.
      expect([...bytes.hostArray().slice(layoutBytes / 4)].every((value) => value === 3)).toBe(true);
      expect(new Float32Array(bytes.hostArray().buffer, bytes.hostArray().byteOffset, 2)).toEqual(
        new Float32Array([5, 5]),
      );
    });

    it('are on for every queue made while ALPAKA_TS_BOUNDS_CHECKS=1, and an exec option turns them off', async () => {
      use();
      process.env.ALPAKA_TS_BOUNDS_CHECKS = '1';
      const { x, y } = buffers();
      const queue = host().createQueue();
      expect(queue.boundsChecks).toBe(true);
      await expect(queue.exec(division, shiftedRead, { n: 4, offset: 1, x, out: y })).rejects.toBeInstanceOf(
        KernelExecutionError,
      );
      await queue.exec(division, shiftedRead, { n: 4, offset: 1, x, out: y }, { boundsChecks: false });
      expect([...y.hostArray()]).toEqual([2, 2, 2, 1]);
    });

    it('without bounds checks, drop an out-of-range store and read 0, as the other CPU emitter does', async () => {
      use();
      const { x, y, yNeighbour } = buffers();
      const long = allocBuf(host(), f32, 8);
      long.hostArray().fill(1);
      const queue = host().createQueue({ boundsChecks: false });
      await queue.exec(division, saxpy, { n: 8, a: 2, x: long, y });
      expect([...y.hostArray(), ...yNeighbour.hostArray()]).toEqual([3, 3, 3, 3, 9, 9, 9, 9]);
      await queue.exec(division, shiftedRead, { n: 4, offset: 2, x, out: y });
      expect([...y.hostArray()]).toEqual([2, 2, 1, 1]);
    });
  });
}

it('an error thrown while a kernel runs fails the launch with a KernelExecutionError naming the kernel', async () => {
  // A JavaScript kernel that throws stands for a WebAssembly trap (RuntimeError) or a RangeError: the same path.
  const { runNamingKernel } = await import('../src/kernel-failure');
  const trap = new RangeError('Maximum call stack size exceeded');
  let caught: unknown;
  try {
    runNamingKernel('deep', () => {
      throw trap;
    });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(KernelExecutionError);
  expect((caught as Error).message).toBe(
    "kernel 'deep' failed while running on serial_sync: RangeError: Maximum call stack size exceeded",
  );
  expect((caught as Error).cause).toBe(trap);
});
