import { u32 } from '../../element-types';
import { array, kernel } from '../../kernel';
import { getExtentProduct } from '../../vector';
import { expectArrayEqual } from '../assertions';
import { type ConformanceKernel, defineCases } from '../conformance-case';

const threadIndices1D = kernel('conformanceIndices1D', { out: array(u32, 'out') }, (acc, { out }) => {
  const thread = acc.getIdx('grid', 'threads')[0];
  const threadsPerBlock = acc.getWorkDiv('block', 'threads')[0];
  acc.check(thread === acc.getIdx('grid', 'blocks')[0] * threadsPerBlock + acc.getIdx('block', 'threads')[0], 1);
  out[thread] = out[thread] + 1 + thread;
});

const threadIndices3D = kernel('conformanceIndices3D', { out: array(u32, 'out') }, (acc, { out }) => {
  const index = acc.getIdx('grid', 'threads');
  const extent = acc.getWorkDiv('grid', 'threads');
  const linear = (index[0] * extent[1] + index[1]) * extent[2] + index[2];
  out[linear] = out[linear] + 1 + linear;
});

export const indexCases = defineCases('idx', {
  'every thread of a 1D grid has a distinct global index': async (context) => {
    const queue = context.queue();
    const division = context.workDiv(1, 5, 8);
    const threads = getExtentProduct(division.blocksPerGrid) * getExtentProduct(division.threadsPerBlock);
    const out = await context.deviceBufferFilled(queue, u32, threads, 0);
    await context.execChecked(queue, division, threadIndices1D, { out });
    expectArrayEqual(
      await context.read(queue, out),
      Array.from({ length: threads }, (_, index) => index + 1),
      'one write per thread index',
    );
  },

  'every thread of a 3D grid has a distinct global index': async (context) => {
    const queue = context.queue();
    const division = context.workDiv(3, [2, 3, 2], [2, 2, 4]);
    const threads = getExtentProduct(division.blocksPerGrid) * getExtentProduct(division.threadsPerBlock);
    const out = await context.deviceBufferFilled(queue, u32, threads, 0);
    await queue.exec(division, threadIndices3D, { out });
    expectArrayEqual(
      await context.read(queue, out),
      Array.from({ length: threads }, (_, index) => index + 1),
      'one write per 3D thread index',
    );
  },
});

export const indexKernels: ConformanceKernel[] = [
  { kernel: threadIndices1D, dimensions: [1] },
  { kernel: threadIndices3D, dimensions: [3] },
];
