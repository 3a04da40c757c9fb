import { i32, u32 } from '../../element-types';
import { array, kernel } from '../../kernel';
import { getExtentProduct } from '../../vector';
import { expectArrayEqual } from '../assertions';
import { type ConformanceKernel, defineCases } from '../conformance-case';

// Each block reverses its own 64 elements through shared memory: a thread reads what another thread wrote.
const reverseStatic = kernel('conformanceSharedReverse', { data: array(i32) }, (acc, { data }) => {
  const shared = acc.sharedArray('i32', 64);
  const groups = acc.getWorkDiv('grid', 'blocks')[0];
  for (const group of acc.independentGroups(groups)) {
    for (const element of acc.independentGroupElements(64)) shared[element] = data[group * 64 + element];
    acc.syncBlockThreads();
    for (const element of acc.independentGroupElements(64)) data[group * 64 + element] = shared[63 - element];
    acc.syncBlockThreads();
  }
});

const reverseDynamic = kernel(
  'conformanceDynamicSharedReverse',
  { size: u32, data: array(i32) },
  (acc, { size, data }) => {
    const shared = acc.dynamicSharedArray('i32');
    const group = acc.getIdx('grid', 'blocks')[0];
    for (const element of acc.independentGroupElements(size)) shared[element] = data[group * size + element];
    acc.syncBlockThreads();
    for (const element of acc.independentGroupElements(size)) data[group * size + element] = shared[size - 1 - element];
  },
  { dynamicSharedMemoryBytes: (_division, { size }) => size * 4 },
);

const sharedPerBlock = kernel('conformanceSharedPerBlock', { out: array(u32, 'out') }, (acc, { out }) => {
  const shared = acc.sharedArray('u32', 1);
  const block = acc.getIdx('grid', 'blocks')[0];
  if (acc.oncePerBlock()) shared[0] = block;
  acc.syncBlockThreads();
  acc.check(shared[0] === block, 1);
  acc.syncBlockThreads();
  if (acc.oncePerBlock()) out[block] = shared[0] + 100;
});

const syncPredicates = kernel('conformanceSyncPredicates', { out: array(u32, 'out') }, (acc, { out }) => {
  const thread = acc.getIdx('block', 'threads')[0];
  const threads = acc.getWorkDiv('block', 'threads')[0];
  const evenCount = acc.syncBlockThreadsCount(thread % 2 === 0);
  const allInRange = acc.syncBlockThreadsAnd(thread < threads);
  const allNonZero = acc.syncBlockThreadsAnd(thread !== 0);
  const anyLast = acc.syncBlockThreadsOr(thread === threads - 1);
  const anyBeyond = acc.syncBlockThreadsOr(thread > threads);
  if (acc.oncePerBlock()) {
    const base = acc.getIdx('grid', 'blocks')[0] * 5;
    out[base] = evenCount;
    out[base + 1] = allInRange;
    out[base + 2] = allNonZero;
    out[base + 3] = anyLast;
    out[base + 4] = anyBeyond;
  }
});

const iota = (length: number) => Array.from({ length }, (_, index) => index);
const reversedBlocks = (blocks: number, size: number) =>
  iota(blocks * size).map((index) => Math.floor(index / size) * size + (size - 1 - (index % size)));

export const sharedCases = defineCases('block/shared', {
  'static shared memory passes values between the threads of a block': async (context) => {
    const queue = context.queue();
    const data = await context.deviceBufferOf(queue, i32, iota(4 * 64));
    await queue.exec(context.workDiv(1, 4, 64), reverseStatic, { data });
    expectArrayEqual(await context.read(queue, data), reversedBlocks(4, 64), 'each block reversed');
  },

  'dynamic shared memory is sized from the launch': async (context) => {
    const queue = context.queue();
    const size = 48;
    const data = await context.deviceBufferOf(queue, i32, iota(3 * size));
    await queue.exec(context.workDiv(1, 3, size), reverseDynamic, { size, data });
    expectArrayEqual(await context.read(queue, data), reversedBlocks(3, size), 'each block reversed');
  },
});

export const sharedSharingCases = defineCases('block/sharedSharing', {
  'shared memory is shared within a block, not across blocks': async (context) => {
    const queue = context.queue();
    const blocks = 8;
    const out = await context.deviceBufferFilled(queue, u32, blocks, 0);
    await context.execChecked(queue, context.workDiv(1, blocks, 32), sharedPerBlock, { out });
    expectArrayEqual(
      await context.read(queue, out),
      iota(blocks).map((block) => block + 100),
      'each block saw its own value',
    );
  },
});

export const syncCases = defineCases('block/sync', {
  'syncBlockThreads predicates count, and and or over the block': async (context) => {
    const queue = context.queue();
    const blocks = 3;
    const division = context.workDiv(1, blocks, 64);
    const threads = getExtentProduct(division.threadsPerBlock);
    const out = await context.deviceBufferFilled(queue, u32, blocks * 5, 7);
    await queue.exec(division, syncPredicates, { out });
    const perBlock = [Math.ceil(threads / 2), 1, 0, 1, 0];
    expectArrayEqual(
      await context.read(queue, out),
      [...perBlock, ...perBlock, ...perBlock],
      `predicates over ${threads} thread(s)`,
    );
  },
});

export const blockKernels: ConformanceKernel[] = [
  { kernel: reverseStatic, dimensions: [1] },
  { kernel: reverseDynamic, dimensions: [1] },
  { kernel: sharedPerBlock, dimensions: [1] },
  { kernel: syncPredicates, dimensions: [1] },
];
