import type { Hierarchy } from '../../acc';
import { type ElementType, f32, f64, i32, u32 } from '../../element-types';
import { array, type KernelBody, kernel } from '../../kernel';
import type { Signature } from '../../kernel-source';
import { expectArrayEqual, expectEqual } from '../assertions';
import { type ConformanceCase, type ConformanceKernel, defineCases } from '../conformance-case';

type Operation = 'Add' | 'Sub' | 'Min' | 'Max' | 'Exch' | 'Inc' | 'Dec' | 'And' | 'Or' | 'Xor' | 'Cas';

/** One atomic operation on its own slot: the initial value, the operand (and compare for Cas), and what must come out. */
interface AtomicStep {
  readonly operation: Operation;
  readonly initial: number;
  readonly operand: number;
  readonly compare?: number;
  readonly stored: number;
}

const integerSteps = (type: 'i32' | 'u32'): AtomicStep[] => {
  const signed = type === 'i32';
  return [
    { operation: 'Add', initial: 5, operand: 3, stored: 8 },
    { operation: 'Add', initial: signed ? 2147483647 : 4294967295, operand: 1, stored: signed ? -2147483648 : 0 },
    { operation: 'Sub', initial: 5, operand: 7, stored: signed ? -2 : 4294967294 },
    { operation: 'Min', initial: 5, operand: signed ? -3 : 3, stored: signed ? -3 : 3 },
    { operation: 'Max', initial: 5, operand: 9, stored: 9 },
    { operation: 'Exch', initial: 5, operand: 11, stored: 11 },
    { operation: 'Inc', initial: 5, operand: 5, stored: 0 },
    { operation: 'Inc', initial: 3, operand: 5, stored: 4 },
    { operation: 'Dec', initial: 0, operand: 5, stored: 5 },
    { operation: 'Dec', initial: 3, operand: 5, stored: 2 },
    { operation: 'Dec', initial: 7, operand: 5, stored: 5 },
    { operation: 'And', initial: 0b1100, operand: 0b1010, stored: 0b1000 },
    { operation: 'Or', initial: 0b1100, operand: 0b1010, stored: 0b1110 },
    { operation: 'Xor', initial: 0b1100, operand: 0b1010, stored: 0b0110 },
    { operation: 'Cas', initial: 5, compare: 5, operand: 9, stored: 9 },
    { operation: 'Cas', initial: 5, compare: 4, operand: 9, stored: 5 },
  ];
};

const floatSteps: AtomicStep[] = [
  { operation: 'Add', initial: 1.5, operand: 0.25, stored: 1.75 },
  { operation: 'Sub', initial: 1.5, operand: 0.25, stored: 1.25 },
  { operation: 'Min', initial: 1.5, operand: -2.5, stored: -2.5 },
  { operation: 'Max', initial: 1.5, operand: 2.5, stored: 2.5 },
  { operation: 'Exch', initial: 1.5, operand: -0.5, stored: -0.5 },
  { operation: 'Cas', initial: 1.5, compare: 1.5, operand: 3, stored: 3 },
  { operation: 'Cas', initial: 1.5, compare: 1.25, operand: 3, stored: 1.5 },
];

/**
 * One kernel per element type and hierarchy, each applying every operation once to its own slot. The
 * body is generated from the step table because the kernel language has no dynamic method names; the
 * generated text is an ordinary kernel function, so every backend compiles it like hand-written code.
 */
function atomicKernel(type: ElementType, hierarchy: Hierarchy, steps: AtomicStep[]) {
  const lines = steps.map((step, slot) =>
    step.operation === 'Cas'
      ? `old[${slot}] = acc.atomicCas(data, ${slot}, compare[${slot}], operand[${slot}], '${hierarchy}');`
      : `old[${slot}] = acc.atomic${step.operation}(data, ${slot}, operand[${slot}], '${hierarchy}');`,
  );
  const signature = {
    data: array(type),
    old: array(type, 'out'),
    operand: array(type, 'in'),
    compare: array(type, 'in'),
  } satisfies Signature;
  const body = new Function(
    'acc',
    '{ data, old, operand, compare }',
    `if (acc.oncePerGrid()) {\n  ${lines.join('\n  ')}\n}`,
  ) as KernelBody<typeof signature>;
  return kernel(`conformanceAtomics_${type.name}_${hierarchy}`, signature, body);
}

const atomicKernels: ConformanceKernel[] = [];

function operationCase(type: ElementType, hierarchy: Hierarchy, steps: AtomicStep[]): ConformanceCase {
  const atomics = atomicKernel(type, hierarchy, steps);
  atomicKernels.push({ kernel: atomics, dimensions: [1] });
  return {
    category: 'atomic',
    name: `every ${type.name} operation at hierarchy '${hierarchy}' returns the old value and stores the result`,
    async run(context) {
      const queue = context.queue();
      const data = await context.deviceBufferOf(
        queue,
        type,
        steps.map((step) => step.initial),
      );
      const old = await context.deviceBufferFilled(queue, type, steps.length, 0);
      const operand = await context.deviceBufferOf(
        queue,
        type,
        steps.map((step) => step.operand),
      );
      const compare = await context.deviceBufferOf(
        queue,
        type,
        steps.map((step) => step.compare ?? 0),
      );
      await queue.exec(context.workDiv(1, 2, 8), atomics, { data, old, operand, compare });
      const oldValues = await context.read(queue, old);
      const stored = await context.read(queue, data);
      steps.forEach((step, slot) => {
        const what = `${type.name} atomic${step.operation}(${step.initial}, ${step.compare !== undefined ? `${step.compare}, ` : ''}${step.operand})`;
        expectEqual(oldValues[slot], type.convert(step.initial), `${what} returned`);
        expectEqual(stored[slot], type.convert(step.stored), `${what} stored`);
      });
    },
  };
}

// Every thread hits the same few words: the results are exact only if the operations really are atomic.
const contendedIntegers = kernel(
  'conformanceAtomicContention',
  { n: u32, counters: array(u32) },
  (acc, { n, counters }) => {
    const blockCount = acc.sharedArray('u32', 1);
    if (acc.oncePerBlock()) blockCount[0] = 0;
    acc.syncBlockThreads();
    for (const i of acc.uniformElements(n)) {
      acc.atomicAdd(counters, 0, 1, 'grid');
      acc.atomicMax(counters, 1, i);
      acc.atomicMin(counters, 2, i);
      acc.atomicOr(counters, 3, 1 << (i % 31));
      acc.atomicInc(counters, 4, 4000000000);
      acc.atomicSub(counters, 5, 1);
      acc.atomicXor(counters, 6, i);
      let observed = counters[7];
      let previous = acc.atomicCas(counters, 7, observed, observed + 2);
      while (previous !== observed) {
        observed = previous;
        previous = acc.atomicCas(counters, 7, observed, observed + 2);
      }
      acc.atomicAdd(blockCount, 0, 1, 'block');
    }
    acc.syncBlockThreads();
    if (acc.oncePerBlock()) acc.atomicAdd(counters, 8, blockCount[0], 'grid');
  },
);

const contendedFloats = kernel(
  'conformanceAtomicFloatContention',
  { n: u32, sums: array(f32), wide: array(f64) },
  (acc, { n, sums, wide }) => {
    for (const i of acc.uniformElements(n)) {
      acc.atomicAdd(sums, 0, 1);
      acc.atomicAdd(wide, 0, 0.5);
      acc.atomicMax(wide, 1, i);
    }
  },
);

const contentionCases = defineCases('atomic', {
  'integer atomics under contention give exact totals': async (context) => {
    const queue = context.queue();
    const n = 5000;
    const counters = await context.deviceBufferOf(queue, u32, [0, 0, 4294967295, 0, 0, n, 0, 0, 0]);
    await queue.exec(context.workDiv(1, 8, 64), contendedIntegers, { n, counters });
    let xor = 0;
    for (let i = 0; i < n; i++) xor ^= i;
    expectArrayEqual(
      await context.read(queue, counters),
      [n, n - 1, 0, 0x7fffffff, n, 0, xor, 2 * n, n],
      'add, max, min, or, inc, sub, xor, cas loop, block-level add',
    );
  },

  'float atomics under contention give exact totals': async (context) => {
    const queue = context.queue();
    const n = 3000;
    const sums = await context.deviceBufferFilled(queue, f32, 1, 0);
    const wide = await context.deviceBufferOf(queue, f64, [0, -1]);
    await queue.exec(context.workDiv(1, 4, 64), contendedFloats, { n, sums, wide });
    expectArrayEqual(await context.read(queue, sums), [n], 'f32 add');
    expectArrayEqual(await context.read(queue, wide), [n / 2, n - 1], 'f64 add and max');
  },
});

const hierarchies: Hierarchy[] = ['grid', 'block', 'threads'];

export const atomicCases: ConformanceCase[] = [
  ...hierarchies.flatMap((hierarchy) => [
    operationCase(i32, hierarchy, integerSteps('i32')),
    operationCase(u32, hierarchy, integerSteps('u32')),
    operationCase(f32, hierarchy, floatSteps),
    operationCase(f64, hierarchy, floatSteps),
  ]),
  ...contentionCases,
];

export const atomicConformanceKernels: ConformanceKernel[] = [
  ...atomicKernels,
  { kernel: contendedIntegers, dimensions: [1] },
  { kernel: contendedFloats, dimensions: [1] },
];
