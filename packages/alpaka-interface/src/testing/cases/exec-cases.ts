import type { Buffer } from '../../buffer';
import { u32 } from '../../element-types';
import { array, kernel } from '../../kernel';
import { getExtentProduct } from '../../vector';
import { expectArrayEqual, expectEqual } from '../assertions';
import { type ConformanceKernel, defineCases } from '../conformance-case';
import type { ConformanceContext } from '../context';

const countUniformElements = kernel(
  'conformanceUniformElements',
  { first: u32, extent: u32, counts: array(u32) },
  (acc, { first, extent, counts }) => {
    for (const i of acc.uniformElements(first, extent)) acc.atomicAdd(counts, i, 1);
  },
);

const countUniformElements2D = kernel(
  'conformanceUniformElements2D',
  { rows: u32, columns: u32, counts: array(u32) },
  (acc, { rows, columns, counts }) => {
    for (const row of acc.uniformElementsAlong(0, rows)) {
      for (const column of acc.uniformElementsAlong(1, columns)) acc.atomicAdd(counts, row * columns + column, 1);
    }
  },
);

const countUniformElementsND = kernel(
  'conformanceUniformElementsND',
  { rows: u32, columns: u32, counts: array(u32) },
  (acc, { rows, columns, counts }) => {
    for (const index of acc.uniformElementsND([rows, columns])) acc.atomicAdd(counts, index[0] * columns + index[1], 1);
  },
);

const countGroups = kernel(
  'conformanceUniformGroups',
  { extent: u32, counts: array(u32), locals: array(u32) },
  (acc, { extent, counts, locals }) => {
    const groupSize = acc.getWorkDiv('block', 'elems')[0];
    for (const group of acc.uniformGroups(extent)) {
      for (const element of acc.uniformGroupElements(group, extent)) {
        acc.atomicAdd(counts, element.global, 1);
        acc.check(element.global - group * groupSize === element.local, 1);
        locals[element.global] = element.local;
      }
    }
  },
);

const countIndependent = kernel(
  'conformanceIndependentGroups',
  { groups: u32, extent: u32, counts: array(u32) },
  (acc, { groups, extent, counts }) => {
    for (const group of acc.independentGroups(groups)) {
      for (const element of acc.independentGroupElements(extent)) acc.atomicAdd(counts, group * extent + element, 1);
    }
  },
);

const countOnce = kernel(
  'conformanceOnce',
  { perBlock: array(u32), perGrid: array(u32) },
  (acc, { perBlock, perGrid }) => {
    if (acc.oncePerGrid()) acc.atomicAdd(perGrid, 0, 1);
    if (acc.oncePerBlock()) acc.atomicAdd(perBlock, acc.getIdx('grid', 'blocks')[0], 1);
  },
);

async function counted(
  context: ConformanceContext,
  length: number,
  run: (counts: Buffer<typeof u32>) => Promise<void>,
) {
  const queue = context.queue();
  const counts = await context.deviceBufferFilled(queue, u32, length, 0);
  await run(counts);
  return context.read(queue, counts);
}

export const execCases = defineCases('exec', {
  'uniformElements visits each element once, for grids smaller, equal and larger than the problem': async (context) => {
    for (const [blocks, elements, extent] of [
      [2, 8, 100],
      [4, 8, 32],
      [16, 8, 5],
      [3, 5, 0],
    ] as const) {
      const queue = context.queue();
      const result = await counted(context, Math.max(extent, 1), async (counts) => {
        await queue.exec(context.workDiv(1, blocks, elements), countUniformElements, { first: 0, extent, counts });
        await queue.wait();
      });
      expectArrayEqual(
        result,
        Array.from({ length: Math.max(extent, 1) }, (_, index) => (index < extent ? 1 : 0)),
        `${blocks}×${elements} over ${extent}`,
      );
    }
  },

  'uniformElements(first, extent) starts at first': async (context) => {
    const queue = context.queue();
    const result = await counted(context, 40, async (counts) => {
      await queue.exec(context.workDiv(1, 3, 4), countUniformElements, { first: 10, extent: 40, counts });
      await queue.wait();
    });
    expectArrayEqual(
      result,
      Array.from({ length: 40 }, (_, index) => (index >= 10 ? 1 : 0)),
      'elements 10 … 39',
    );
  },

  'uniformElementsAlong and uniformElementsND cover a 2D extent once': async (context) => {
    const [rows, columns] = [13, 21];
    for (const sweep of [countUniformElements2D, countUniformElementsND]) {
      const queue = context.queue();
      const result = await counted(context, rows * columns, async (counts) => {
        await queue.exec(context.workDiv(2, [2, 3], [4, 4]), sweep, { rows, columns, counts });
        await queue.wait();
      });
      expectArrayEqual(result, new Array(rows * columns).fill(1), sweep.name);
    }
  },

  'uniformGroups and uniformGroupElements cover each element once with its local index': async (context) => {
    const queue = context.queue();
    const extent = 150;
    const division = context.workDiv(1, 3, 16);
    const locals = await context.deviceBufferFilled(queue, u32, extent, 0);
    const result = await counted(context, extent, async (counts) => {
      await context.execChecked(queue, division, countGroups, { extent, counts, locals });
    });
    expectArrayEqual(result, new Array(extent).fill(1), 'each element once');
    const groupSize = getExtentProduct(division.threadsPerBlock) * getExtentProduct(division.elementsPerThread);
    expectArrayEqual(
      await context.read(queue, locals),
      Array.from({ length: extent }, (_, index) => index % groupSize),
      'local indices',
    );
  },

  'independentGroups and independentGroupElements cover each (group, element) once': async (context) => {
    const queue = context.queue();
    const [groups, extent] = [7, 19];
    const result = await counted(context, groups * extent, async (counts) => {
      await queue.exec(context.workDiv(1, 3, 8), countIndependent, { groups, extent, counts });
      await queue.wait();
    });
    expectArrayEqual(result, new Array(groups * extent).fill(1), 'each pair once');
  },

  'oncePerGrid is true in one thread, oncePerBlock in one thread per block': async (context) => {
    const queue = context.queue();
    const blocks = 6;
    const perBlock = await context.deviceBufferFilled(queue, u32, blocks, 0);
    const perGrid = await context.deviceBufferFilled(queue, u32, 1, 0);
    await queue.exec(context.workDiv(1, blocks, 32), countOnce, { perBlock, perGrid });
    expectArrayEqual(await context.read(queue, perBlock), new Array(blocks).fill(1), 'once per block');
    expectEqual((await context.read(queue, perGrid))[0], 1, 'once per grid');
  },
});

export const execKernels: ConformanceKernel[] = [
  { kernel: countUniformElements, dimensions: [1] },
  { kernel: countUniformElements2D, dimensions: [2] },
  { kernel: countUniformElementsND, dimensions: [2] },
  { kernel: countGroups, dimensions: [1] },
  { kernel: countIndependent, dimensions: [1] },
  { kernel: countOnce, dimensions: [1] },
];
