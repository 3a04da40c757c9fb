import { allocBuf } from '../../buffer-allocation';
import { f64, i32, u32 } from '../../element-types';
import { array, kernel } from '../../kernel';
import { expectArrayEqual, expectClose, expectTrue } from '../assertions';
import { type ConformanceKernel, defineCases } from '../conformance-case';

// The first thread publishes data then a flag, with a fence between; the last block reads the flag then
// the data, with a fence between: whoever sees the flag must see the data.
const publish = kernel('conformanceFence', { data: array(i32) }, (acc, { data }) => {
  const block = acc.getIdx('grid', 'blocks')[0];
  const blocks = acc.getWorkDiv('grid', 'blocks')[0];
  if (acc.oncePerGrid()) {
    data[0] = 42;
    acc.memFence('device');
    acc.atomicExch(data, 1, 1);
  }
  acc.memFence('block');
  acc.memFence('grid');
  if (block === blocks - 1 && acc.oncePerBlock()) {
    const flag = acc.atomicAdd(data, 1, 0);
    acc.memFence('device');
    const value = data[0];
    acc.check(flag === 0 || value === 42, 1);
  }
});

const warpProbe = kernel('conformanceWarp', { out: array(i32, 'out') }, (acc, { out }) => {
  const size = acc.warp.getSize();
  const lane = acc.getIdx('block', 'threads')[0] % size;
  acc.check(acc.warp.all(1) === 1, 1);
  acc.check(acc.warp.any(0) === 0, 2);
  acc.check(acc.warp.any(lane === 0) === 1, 3);
  acc.check(acc.warp.all(lane === 0) === (size === 1 ? 1 : 0), 4);
  acc.check(acc.warp.shfl(lane * 3, 0) === 0, 5);
  acc.check(acc.warp.ballot(1) === acc.warp.activeMask(), 6);
  acc.check(acc.warp.shflXor(lane, 1) === (size === 1 ? lane : lane ^ 1), 7);
  if (acc.oncePerGrid()) out[0] = size;
});

const mathFunctions = [
  'sqrt',
  'abs',
  'floor',
  'ceil',
  'trunc',
  'round',
  'sign',
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'cbrt',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'atan2',
  'pow',
  'hypot',
  'min',
  'max',
] as const;
// Results IEEE 754 fixes exactly; the others may differ from JavaScript's libm by a few ulps on a GPU.
const exactFunctions = new Set(['sqrt', 'abs', 'floor', 'ceil', 'trunc', 'round', 'sign', 'min', 'max']);

const mathKernel = kernel(
  'conformanceMath',
  { n: u32, x: array(f64, 'in'), out: array(f64, 'out') },
  (acc, { n, x, out }) => {
    for (const i of acc.uniformElements(n)) {
      const v = x[i];
      out[i] = Math.sqrt(v);
      out[n + i] = Math.abs(v);
      out[2 * n + i] = Math.floor(v);
      out[3 * n + i] = Math.ceil(v);
      out[4 * n + i] = Math.trunc(v);
      out[5 * n + i] = Math.round(v);
      out[6 * n + i] = Math.sign(v);
      out[7 * n + i] = Math.exp(v);
      out[8 * n + i] = Math.expm1(v);
      out[9 * n + i] = Math.log(v);
      out[10 * n + i] = Math.log1p(v);
      out[11 * n + i] = Math.log2(v);
      out[12 * n + i] = Math.log10(v);
      out[13 * n + i] = Math.cbrt(v);
      out[14 * n + i] = Math.sin(v);
      out[15 * n + i] = Math.cos(v);
      out[16 * n + i] = Math.tan(v);
      out[17 * n + i] = Math.asin(v);
      out[18 * n + i] = Math.acos(v);
      out[19 * n + i] = Math.atan(v);
      out[20 * n + i] = Math.sinh(v);
      out[21 * n + i] = Math.cosh(v);
      out[22 * n + i] = Math.tanh(v);
      out[23 * n + i] = Math.atan2(v, 0.5);
      out[24 * n + i] = Math.abs(v) ** 1.5;
      out[25 * n + i] = Math.hypot(v, 2);
      out[26 * n + i] = Math.min(v, 0.3);
      out[27 * n + i] = Math.max(v, 0.3);
    }
  },
);

const reference: Record<(typeof mathFunctions)[number], (v: number) => number> = {
  sqrt: Math.sqrt,
  abs: Math.abs,
  floor: Math.floor,
  ceil: Math.ceil,
  trunc: Math.trunc,
  round: Math.round,
  sign: Math.sign,
  exp: Math.exp,
  expm1: Math.expm1,
  log: Math.log,
  log1p: Math.log1p,
  log2: Math.log2,
  log10: Math.log10,
  cbrt: Math.cbrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  atan2: (v) => Math.atan2(v, 0.5),
  pow: (v) => Math.abs(v) ** 1.5,
  hypot: (v) => Math.hypot(v, 2),
  min: (v) => Math.min(v, 0.3),
  max: (v) => Math.max(v, 0.3),
};

export const fenceCases = defineCases('mem/fence', {
  'data written before a fence is visible to whoever sees the flag written after it': async (context) => {
    const queue = context.queue();
    const data = await context.deviceBufferFilled(queue, i32, 2, 0);
    await context.execChecked(queue, context.workDiv(1, 4, 32), publish, { data });
    expectArrayEqual(await context.read(queue, data), [42, 1], 'data and flag');
  },
});

export const warpCases = defineCases('warp', {
  'warp votes, ballot and shuffles agree with the warp size': async (context) => {
    const queue = context.queue();
    const warpSize = context.device.warpSizes[0] ?? 1;
    const out = await context.deviceBufferFilled(queue, i32, 1, 0);
    await context.execChecked(queue, context.workDiv(1, 2, warpSize), warpProbe, { out });
    const [size = 0] = await context.read(queue, out);
    expectTrue(
      context.device.warpSizes.includes(size),
      `the kernel's warp size ${size} is one of the device's ${context.device.warpSizes.join(', ')}`,
    );
  },
});

export const mathCases = defineCases('math', {
  'Math functions in f64 agree with JavaScript': async (context) => {
    const queue = context.queue();
    const inputs = [0.25, 0.5, 0.75, 1.5, 2, 3.7, -0.3, -2.5, 0, -0, 10.5];
    const n = inputs.length;
    const x = await context.deviceBufferOf(queue, f64, inputs);
    const out = allocBuf(context.device, f64, n * mathFunctions.length);
    await queue.exec(context.workDiv(1, 2, 8), mathKernel, { n, x, out });
    const results = await context.read(queue, out);
    mathFunctions.forEach((name, row) => {
      inputs.forEach((input, column) => {
        const actual = results[row * n + column] as number;
        const expected = reference[name](input);
        const what = `Math.${name}(${Object.is(input, -0) ? '-0' : input})`;
        if (exactFunctions.has(name)) expectArrayEqual([actual], [expected], what);
        else expectClose(actual, expected, 1e-14, what);
      });
    });
  },
});

export const fenceWarpMathKernels: ConformanceKernel[] = [
  { kernel: publish, dimensions: [1] },
  { kernel: warpProbe, dimensions: [1] },
  { kernel: mathKernel, dimensions: [1] },
];
