import { u32 } from '../../element-types';
import { WorkDivisionError } from '../../errors';
import { array, kernel } from '../../kernel';
import { divideUpBy, makeWorkDiv, workDivision } from '../../work-division';
import { expectArrayEqual, expectEqual, expectThrows } from '../assertions';
import { type ConformanceKernel, defineCases } from '../conformance-case';

const workDivisionProbe = kernel('conformanceWorkDivision', { out: array(u32, 'out') }, (acc, { out }) => {
  if (acc.oncePerGrid()) {
    const blocks = acc.getWorkDiv('grid', 'blocks');
    const threads = acc.getWorkDiv('block', 'threads');
    const elements = acc.getWorkDiv('thread', 'elems');
    const gridThreads = acc.getWorkDiv('grid', 'threads');
    for (let axis = 0; axis < 3; axis++) {
      out[axis] = blocks[axis];
      out[3 + axis] = threads[axis];
      out[6 + axis] = elements[axis];
      out[9 + axis] = gridThreads[axis];
    }
  }
});

export const workDivisionCases = defineCases('workDiv', {
  "makeWorkDiv follows CMSSW's rule for the accelerator": async (context) => {
    const division = makeWorkDiv(context.accelerator(1), 7, 32);
    expectArrayEqual(division.blocksPerGrid, [7], 'blocks');
    if (context.accelerator(1).runsOnHost) {
      expectArrayEqual(
        [...division.threadsPerBlock, ...division.elementsPerThread],
        [1, 32],
        'CPU: one thread of 32 elements',
      );
    } else {
      expectArrayEqual(
        [...division.threadsPerBlock, ...division.elementsPerThread],
        [32, 1],
        'GPU: 32 threads of one element',
      );
    }
    expectEqual(divideUpBy(1000, 64), 16, 'divideUpBy rounds up');
    expectEqual(divideUpBy(1024, 64), 16, 'divideUpBy of a multiple');
    expectEqual(divideUpBy(0, 64), 0, 'divideUpBy of zero');
  },

  'the kernel sees its 3D work division': async (context) => {
    const queue = context.queue();
    const out = await context.deviceBufferFilled(queue, u32, 12, 0);
    const division = context.workDiv(3, [2, 3, 4], [1, 2, 2]);
    await queue.exec(division, workDivisionProbe, { out });
    const gridThreads = division.blocksPerGrid.map((blocks, axis) => blocks * (division.threadsPerBlock[axis] ?? 1));
    expectArrayEqual(
      await context.read(queue, out),
      [...division.blocksPerGrid, ...division.threadsPerBlock, ...division.elementsPerThread, ...gridThreads],
      'getWorkDiv',
    );
  },

  'a work division over the device limits is rejected before anything runs': async (context) => {
    const queue = context.queue();
    const limits = context.device.limits(context.accelerator(1));
    expectEqual(
      JSON.stringify(limits),
      JSON.stringify(context.backend.limits(context.device.implementation)),
      "device.limits(accelerator) is the backend's (compared by value: a backend may build it per call)",
    );
    const out = await context.deviceBufferFilled(queue, u32, 12, 9);
    const tooMany = workDivision(context.accelerator(1), 1, limits.maxThreadsPerBlockTotal + 1, 1);
    await expectThrows(
      () => queue.exec(tooMany, workDivisionProbe, { out }),
      WorkDivisionError,
      /threads per block .*exceed/,
      'too many threads per block',
    );
    await expectThrows(
      () => makeWorkDiv(context.accelerator(2), [1, 2, 3], 1),
      WorkDivisionError,
      /3 dimensions; the accelerator has 2/,
      'a 3D extent for a 2D accelerator',
    );
    expectArrayEqual(await context.read(queue, out), new Array(12).fill(9), 'nothing ran');
  },
});

export const workDivisionKernels: ConformanceKernel[] = [{ kernel: workDivisionProbe, dimensions: [3] }];
