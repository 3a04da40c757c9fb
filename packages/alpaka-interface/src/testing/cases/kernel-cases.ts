import { Buffer } from '../../buffer';
import { allocBuf } from '../../buffer-allocation';
import { asConst } from '../../buffer-views';
import { host } from '../../device';
import { bool, f32, f64, i8, i16, i32, u8, u16, u32 } from '../../element-types';
import { InvalidArgumentError } from '../../errors';
import { array, constant, deviceFunction, kernel } from '../../kernel';
import { divideUpBy } from '../../work-division';
import { expectArrayEqual, expectThrows, expectTrue } from '../assertions';
import { type ConformanceKernel, defineCases } from '../conformance-case';

const scalars = kernel(
  'conformanceScalars',
  {
    b: bool,
    a8: i8,
    b8: u8,
    a16: i16,
    b16: u16,
    a32: i32,
    b32: u32,
    r32: f32,
    r64: f64,
    fixed: constant(u32),
    out: array(f64, 'out'),
  },
  (acc, { b, a8, b8, a16, b16, a32, b32, r32, r64, fixed, out }) => {
    if (acc.oncePerGrid()) {
      out[0] = b;
      out[1] = a8;
      out[2] = b8;
      out[3] = a16;
      out[4] = b16;
      out[5] = a32;
      out[6] = b32;
      out[7] = r32;
      out[8] = r64;
      out[9] = fixed;
    }
  },
);

const axpy = kernel(
  'conformanceAxpy',
  { n: u32, a: f32, x: array(f32, 'in'), y: array(f32) },
  (acc, { n, a, x, y }) => {
    for (const i of acc.uniformElements(n)) y[i] = acc.f32(a * x[i] + y[i]);
  },
);

// Device functions: a pure one, one that writes through an array, and one that calls another.
const squareOf = deviceFunction('squareOf', { value: f32 }, f32, (_acc, { value }) => value * value);
const clampInto = deviceFunction(
  'clampInto',
  { target: array(i32), index: u32, low: i32, high: i32 },
  undefined,
  (_acc, { target, index, low, high }) => {
    if (target[index] < low) target[index] = low;
    else if (target[index] > high) target[index] = high;
  },
);
const hypotenuse = deviceFunction('hypotenuse', { a: f32, b: f32, square: squareOf }, f32, (_acc, { a, b, square }) => {
  if (a === 0) return Math.abs(b);
  return Math.sqrt(square(a) + square(b));
});
const withDeviceFunctions = kernel(
  'conformanceDeviceFunctions',
  { n: u32, x: array(f32, 'in'), lengths: array(f32, 'out'), codes: array(i32), hypotenuse, clampInto },
  (acc, { n, x, lengths, codes, hypotenuse, clampInto }) => {
    for (const i of acc.uniformElements(n)) {
      lengths[i] = hypotenuse(x[i], 2);
      clampInto(codes, i, -5, 5);
    }
  },
);

export const kernelCases = defineCases('kernel', {
  'every scalar type reaches the kernel as its C value': async (context) => {
    const queue = context.queue();
    const out = allocBuf(context.device, f64, 10);
    await queue.exec(context.workDiv(1, 1, 1), scalars, {
      b: true,
      a8: -5,
      b8: 200,
      a16: -3000,
      b16: 60000,
      a32: -70000,
      b32: 4000000000,
      r32: 0.1,
      r64: 0.1,
      fixed: 12,
      out,
    });
    expectArrayEqual(
      await context.read(queue, out),
      [1, -5, 200, -3000, 60000, -70000, 4000000000, Math.fround(0.1), 0.1, 12],
      'scalars',
    );
  },

  'array arguments are the buffers: axpy': async (context) => {
    const queue = context.queue();
    const n = 1000;
    const x = await context.deviceBufferOf(
      queue,
      f32,
      Array.from({ length: n }, (_, index) => index),
    );
    const y = await context.deviceBufferFilled(queue, f32, n, 1);
    await queue.exec(context.workDiv(1, divideUpBy(n, 64), 64), axpy, { n, a: 2, x: asConst(x), y });
    expectArrayEqual(
      await context.read(queue, y),
      Array.from({ length: n }, (_, index) => 2 * index + 1),
      'y = 2x + 1',
    );
  },

  'device functions are called with their arguments and can call each other': async (context) => {
    const queue = context.queue();
    const n = 64;
    const values = Array.from({ length: n }, (_, index) => index - 32);
    const x = await context.deviceBufferOf(
      queue,
      f32,
      values.map((value) => value / 4),
    );
    const lengths = await context.deviceBufferFilled(queue, f32, n, -1);
    const codes = await context.deviceBufferOf(queue, i32, values);
    await queue.exec(context.workDiv(1, 4, 16), withDeviceFunctions, { n, x, lengths, codes });
    const f = Math.fround;
    const expectedLengths = values.map((value) => {
      const a = f(value / 4);
      return a === 0 ? 2 : f(Math.sqrt(f(f(a * a) + 4)));
    });
    expectArrayEqual(await context.read(queue, lengths), expectedLengths, 'hypotenuse(x, 2)');
    expectArrayEqual(
      await context.read(queue, codes),
      values.map((value) => Math.min(5, Math.max(-5, value))),
      'clampInto(codes, i, -5, 5)',
    );
    await expectThrows(
      () => queue.exec(context.workDiv(1, 1, 1), withDeviceFunctions, { n, x, lengths, codes, hypotenuse } as never),
      InvalidArgumentError,
      /'hypotenuse' is a device function, fixed when the kernel is compiled/,
      'a device function passed at launch',
    );
  },

  'bad arguments are rejected before anything runs': async (context) => {
    const queue = context.queue();
    const division = context.workDiv(1, 1, 4);
    const x = await context.deviceBufferFilled(queue, f32, 4, 1);
    const y = await context.deviceBufferFilled(queue, f32, 4, 5);
    const run = (args: object) => () => queue.exec(division, axpy, args as never);
    await expectThrows(
      run({ n: 4, a: 2, x, y, z: y }),
      InvalidArgumentError,
      /has no parameter 'z'/,
      'an unknown argument',
    );
    await expectThrows(run({ n: 4, a: 2, x }), InvalidArgumentError, /argument 'y' is missing/, 'a missing argument');
    await expectThrows(
      run({ n: 4, a: 2, x: 1, y }),
      InvalidArgumentError,
      /'x' must be a Buffer of f32/,
      'a number for an array',
    );
    await expectThrows(
      run({ n: 4, a: 2, x: allocBuf(context.device, f64, 4), y }),
      InvalidArgumentError,
      /must hold f32, but the buffer holds f64/,
      'a buffer of the wrong type',
    );
    await expectThrows(
      run({ n: 3.5, a: 2, x, y }),
      InvalidArgumentError,
      /'n' .*u32, and 3.5 is not a value/,
      'a fraction for u32',
    );
    await expectThrows(
      run({ n: -1, a: 2, x, y }),
      InvalidArgumentError,
      /u32, and -1 is not a value/,
      'a negative u32',
    );
    await expectThrows(
      run({ n: 4, a: 'two', x, y }),
      InvalidArgumentError,
      /'a' is f32 and needs a number/,
      'a string for f32',
    );
    await expectThrows(
      run({ n: 4, a: 2, x, y: asConst(y) }),
      InvalidArgumentError,
      /const buffer, but the parameter is 'inout'/,
      'a const buffer for an inout array',
    );
    if (!context.device.isHost) {
      const onHost = allocBuf(host(), f32, 4);
      await expectThrows(
        run({ n: 4, a: 2, x: onHost, y }),
        InvalidArgumentError,
        /lives on .* but the kernel runs on/,
        'a host buffer on a device queue',
      );
    }
    await expectThrows(
      () => queue.exec(division, {} as never, {} as never),
      InvalidArgumentError,
      /needs a kernel/,
      'not a kernel',
    );
    expectArrayEqual(await context.read(queue, y), [5, 5, 5, 5], 'y is unchanged');
    expectTrue(x instanceof Buffer, 'x is still a buffer');
  },
});

export const kernelKernels: ConformanceKernel[] = [
  { kernel: scalars, dimensions: [1] },
  { kernel: axpy, dimensions: [1] },
  { kernel: withDeviceFunctions, dimensions: [1] },
];
