import type { Buffer } from '../../buffer';
import { asConst } from '../../buffer-views';
import { f64, i16, i32, u8, u32 } from '../../element-types';
import { InvalidArgumentError } from '../../errors';
import { deviceFunction, type KernelViewArgument, kernel, view } from '../../kernel';
import { computeLayout, type Layout } from '../../soa-layout';
import { defineLayout, type LayoutSchema } from '../../soa-schema';
import { expectArrayEqual, expectThrows } from '../assertions';
import { type ConformanceKernel, defineCases } from '../conformance-case';
import type { ConformanceContext } from '../context';

/** CMSSW's TestSoA: every kind of field, 128-byte aligned. */
const TestSoA = defineLayout('ConformanceTestSoA', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'y', elementType: f64 },
  { kind: 'column', name: 'z', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 4 },
  { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 3, columns: 6 },
]);

const Sums = defineLayout('ConformanceSums', [
  { kind: 'column', name: 'total', elementType: f64 },
  { kind: 'column', name: 'flagSum', elementType: i32 },
  { kind: 'scalar', name: 'count', elementType: u32 },
  { kind: 'column', name: 'hits', elementType: u32 },
]);

const fillView = kernel('conformanceViewFill', { v: view(TestSoA) }, (acc, { v }) => {
  for (const i of acc.uniformElements(v.size)) {
    v.x[i] = i * 0.5;
    v.y[i] = -acc.f64(i);
    v.z[i] = v.x[i] + v.y[i];
    v.id[i] = acc.i32(i * 3) - 7;
    for (let k = 0; k < 4; k++) v.flags[i * 4 + k] = acc.i16(k * acc.i32(i) - 2);
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 6; column++) v.m(row, column)[i] = i * 100 + row * 10 + column;
    }
  }
  if (acc.oncePerGrid()) v.r = v.size * 0.25;
});

const flagsOf = deviceFunction('flagsOf', { source: view(TestSoA, 'in'), i: u32 }, i32, (_acc, { source, i }) => {
  let sum = 0;
  for (let k = 0; k < 4; k++) sum += source.flags[i * 4 + k];
  return sum;
});

const summarise = kernel(
  'conformanceViewSummarise',
  { source: view(TestSoA, 'in'), sums: view(Sums, 'out'), flagsOf },
  (acc, { source, sums, flagsOf }) => {
    for (const i of acc.uniformElements(source.size)) {
      sums.total[i] = source.x[i] + source.y[i] + source.z[i] + source.m(2, 5)[i] * source.r;
      sums.flagSum[i] = flagsOf(source, i);
      acc.atomicAdd(sums.hits, i % 4, 1);
    }
    if (acc.oncePerGrid()) sums.count = source.size;
  },
);

const sentinel = 0xab;

/** The bytes a filled TestSoA of `layout.size` elements must hold: every value at CMSSW's offsets, padding untouched. */
function expectedTestSoA(layout: Layout): Uint8Array {
  const bytes = new Uint8Array(layout.byteSize).fill(sentinel);
  const data = new DataView(bytes.buffer);
  const at = (name: string) => layout.field(name).offset;
  const stride = layout.field('m').coefficientStride;
  for (let i = 0; i < layout.size; i++) {
    data.setFloat64(at('x') + 8 * i, i * 0.5, true);
    data.setFloat64(at('y') + 8 * i, -i, true);
    data.setFloat64(at('z') + 8 * i, i * 0.5 + -i, true);
    data.setInt32(at('id') + 4 * i, i * 3 - 7, true);
    for (let k = 0; k < 4; k++) data.setInt16(at('flags') + 2 * (i * 4 + k), k * i - 2, true);
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 6; column++)
        data.setFloat64(at('m') + (column * 3 + row) * stride + 8 * i, i * 100 + row * 10 + column, true);
    }
  }
  data.setFloat64(at('r'), layout.size * 0.25, true);
  return bytes;
}

const createView = (schema: LayoutSchema, size: number, buffer: Buffer, readOnly = false): KernelViewArgument => ({
  schema,
  size,
  readOnly,
  buffer: readOnly ? asConst(buffer) : buffer,
});

async function filledTestSoA(context: ConformanceContext, size: number) {
  const queue = context.queue();
  const layout = computeLayout(TestSoA, size);
  const buffer = await context.deviceBufferFilled(queue, u8, layout.byteSize, sentinel);
  await queue.exec(context.workDiv(1, 4, 16), fillView, { v: createView(TestSoA, size, buffer) });
  return { queue, layout, buffer };
}

export const soaViewCases = defineCases('soaView', {
  'a kernel fills every kind of field of a view at CMSSW byte offsets': async (context) => {
    for (const size of [37, 128]) {
      const { queue, layout, buffer } = await filledTestSoA(context, size);
      expectArrayEqual(
        await context.read(queue, buffer),
        expectedTestSoA(layout),
        `TestSoA bytes for ${size} elements`,
      );
    }
  },
  'a const view in, another layout out, through a device function and atomics on a column': async (context) => {
    const size = 37;
    const { queue, buffer } = await filledTestSoA(context, size);
    const sumsLayout = computeLayout(Sums, size);
    const sums = await context.deviceBufferFilled(queue, u8, sumsLayout.byteSize, 0);
    await queue.exec(context.workDiv(1, 3, 8), summarise, {
      source: createView(TestSoA, size, buffer, true),
      sums: createView(Sums, size, sums),
    });
    // Host memory is part of the host heap: a view over .buffer starts at the array's byteOffset.
    const sumsBytes = await context.read(queue, sums);
    const data = new DataView(sumsBytes.buffer, sumsBytes.byteOffset, sumsBytes.byteLength);
    const values = (name: string, count: number, get: (offset: number) => number, bytes: number) =>
      Array.from({ length: count }, (_, i) => get(sumsLayout.field(name).offset + bytes * i));
    const expectedTotal = Array.from({ length: size }, (_, i) => -i + (i * 100 + 25) * size * 0.25);
    expectArrayEqual(
      values('total', size, (offset) => data.getFloat64(offset, true), 8),
      expectedTotal,
      'total',
    );
    expectArrayEqual(
      values('flagSum', size, (offset) => data.getInt32(offset, true), 4),
      Array.from({ length: size }, (_, i) => 6 * i - 8),
      'flagSum (device function over a const view)',
    );
    expectArrayEqual(
      values('count', 1, (offset) => data.getUint32(offset, true), 4),
      [size],
      'the scalar count',
    );
    const hits = Array.from({ length: size }, (_, i) => (i < 4 ? Math.ceil((size - i) / 4) : 0));
    expectArrayEqual(
      values('hits', size, (offset) => data.getUint32(offset, true), 4),
      hits,
      'atomic hits',
    );
  },
  'view arguments are checked: layout, constness, size and kind': async (context) => {
    const queue = context.queue();
    const size = 10;
    const bytes = computeLayout(TestSoA, size).byteSize;
    const buffer = await context.deviceBufferFilled(queue, u8, bytes, 0);
    const division = context.workDiv(1, 1, 16);
    await expectThrows(
      () => queue.exec(division, fillView, { v: createView(TestSoA, size, buffer, true) }),
      InvalidArgumentError,
      /const view.*'inout'/,
      'a const view for a writable parameter',
    );
    await expectThrows(
      () => queue.exec(division, fillView, { v: createView(Sums, size, buffer) }),
      InvalidArgumentError,
      /ConformanceSums.*fields differ/,
      'a view of another layout',
    );
    await expectThrows(
      () => queue.exec(division, fillView, { v: createView(TestSoA, size * 4, buffer) }),
      InvalidArgumentError,
      new RegExp(`need ${computeLayout(TestSoA, size * 4).byteSize} contiguous bytes`),
      'a view larger than its buffer',
    );
    await expectThrows(
      () => queue.exec(division, fillView, { v: buffer as never }),
      InvalidArgumentError,
      /must be a view of 'ConformanceTestSoA'/,
      'a plain buffer for a view parameter',
    );
  },
});

export const soaViewKernels: ConformanceKernel[] = [
  { kernel: fillView, dimensions: [1] },
  { kernel: summarise, dimensions: [1] },
];
