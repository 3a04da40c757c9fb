import { i32, u32 } from '../../element-types';
import { array, constant, kernel } from '../../kernel';
import { expectArrayEqual } from '../assertions';
import { type ConformanceKernel, defineCases } from '../conformance-case';

// The kernel language's compile-time parts: constant() parameters (alpaka's template arguments) and switch.

const switches = kernel(
  'conformanceSwitch',
  { n: u32, codes: array(i32, 'in'), out: array(i32, 'out') },
  (acc, { n, codes, out }) => {
    for (const i of acc.uniformElements(n)) {
      let value = 0;
      switch (codes[i]) {
        case -1:
          value = 100;
          break;
        case 0:
        // @ts-expect-error TS7029: C's fall-through is what this case checks (Biome's rule is off for this file).
        case 1:
          value = 10;
        case 2:
          value += 1;
          break;
        case 3:
          for (let k = 0; k < 10; k++) {
            if (k === 4) break;
            value += k;
          }
          break;
        case 7: {
          const doubled = codes[i] * 2;
          value = doubled;
          break;
        }
        default:
          value = -codes[i];
      }
      out[i] = value;
    }
  },
);

// alpaka's template arguments: a constant() sizes a shared array and labels a case, so it must be compiled in.
const specialised = kernel(
  'conformanceSpecialised',
  { tile: constant(u32), out: array(u32, 'out') },
  (acc, { tile, out }) => {
    const shared = acc.sharedArray('u32', tile);
    if (acc.oncePerBlock()) {
      for (let k = 0; k < tile; k++) shared[k] = k * k;
    }
    acc.syncBlockThreads();
    if (acc.oncePerGrid()) {
      let sum = 0;
      for (let k = 0; k < tile; k++) sum += shared[k];
      out[0] = sum;
      let label = 0;
      for (let k = 0; k < 10; k++) {
        switch (k) {
          case tile:
            label += 100;
            break;
          default:
            label += 1;
        }
      }
      out[1] = label;
    }
  },
);

export const kernelLanguageCases = defineCases('kernel', {
  'constant() parameters are compile-time values: they size shared arrays and label cases, one build per value': async (
    context,
  ) => {
    const queue = context.queue();
    for (const [tile, sum, label] of [
      [3, 5, 109],
      [8, 140, 109],
      [3, 5, 109],
    ] as const) {
      const out = await context.deviceBufferFilled(queue, u32, 2, 0);
      await queue.exec(context.workDiv(1, 2, 1), specialised, { tile, out });
      expectArrayEqual(await context.read(queue, out), [sum, label], `tile ${tile}`);
    }
  },

  'switch: fall-through, default, break leaves the switch (not the element loop), a loop inside a case': async (
    context,
  ) => {
    const queue = context.queue();
    const codes = [-1, 0, 1, 2, 3, 7, 5, -3, 2147483647, -2147483648];
    const input = await context.deviceBufferOf(queue, i32, codes);
    const out = await context.deviceBufferFilled(queue, i32, codes.length, 12345);
    await queue.exec(context.workDiv(1, 2, 4), switches, { n: codes.length, codes: input, out });
    expectArrayEqual(
      await context.read(queue, out),
      [100, 11, 11, 1, 6, 14, -5, 3, -2147483647, -2147483648],
      'switch results',
    );
  },
});

export const kernelLanguageKernels: ConformanceKernel[] = [
  { kernel: switches, dimensions: [1] },
  { kernel: specialised, dimensions: [1], specialisations: [{ tile: 3 }, { tile: 8 }] },
];
