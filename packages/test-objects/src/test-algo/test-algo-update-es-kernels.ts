import { deviceFunction, i32, kernel, u32, view } from '@alpaka-ts/interface';
import { AlpakaESTestSoAE, AlpakaESTestSoAEData } from '../data-formats/alpaka-es-test-soa';
import { TestSoA, TestSoA2, TestSoA3 } from '../data-formats/test-soa';
import { copyRow, copyRow2, copyRow3 } from './test-algo-update-rows';

// TestAlgo's update(queue, input, AlpakaESTestDataEDevice const&): a new collection of the same sizes, every
// field copied, and x_i += es.val(i) + es.val2(i) for the rows the ES data has (i < es.size()), the same for x2
// and x3. The ES data's ConstView is a C++ class; a kernel takes its two views, e and data, and applies its rule
// itself: val(i) = (int) e.val[i], val2(i) = (int) data.val2[e.ind[i]].
// CMSSW's Multi3 kernel also prints "Setting x[0] to %f" from the device; the kernel language has no printf
// (nothing in `acc` writes to a stream), so that line is not printed here.

/** es.val(i) + es.val2(i) where i < es.size(), 0 beyond. */
const esShift = deviceFunction(
  'testAlgoESShift',
  { e: view(AlpakaESTestSoAE, 'in'), data: view(AlpakaESTestSoAEData, 'in'), i: u32 },
  i32,
  (acc, { e, data, i }) => {
    if (i >= e.size) return 0;
    return acc.i32(e.val[i]) + acc.i32(data.val2[e.ind[i]]);
  },
);

const es = { e: view(AlpakaESTestSoAE, 'in'), data: view(AlpakaESTestSoAEData, 'in'), esShift } as const;

/** TestAlgoKernelUpdate: the collection. */
export const testAlgoUpdateESKernel = kernel(
  'TestAlgoKernelUpdate',
  { input: view(TestSoA, 'in'), output: view(TestSoA), ...es, copyRow },
  (acc, { input, output, e, data, esShift, copyRow }) => {
    if (acc.oncePerGrid()) output.r = input.r;
    for (const i of acc.uniformElements(output.size)) copyRow(input, output, i, esShift(e, data, i));
  },
);

/** TestAlgoKernelUpdateMulti2: both layouts, each of its own size. */
export const testAlgoUpdateESMulti2Kernel = kernel(
  'TestAlgoKernelUpdateMulti2',
  {
    input: view(TestSoA, 'in'),
    input2: view(TestSoA2, 'in'),
    output: view(TestSoA),
    output2: view(TestSoA2),
    ...es,
    copyRow,
    copyRow2,
  },
  (acc, { input, input2, output, output2, e, data, esShift, copyRow, copyRow2 }) => {
    if (acc.oncePerGrid()) {
      output.r = input.r;
      output2.r2 = input2.r2;
    }
    for (const i of acc.uniformElements(output.size)) copyRow(input, output, i, esShift(e, data, i));
    for (const i of acc.uniformElements(output2.size)) copyRow2(input2, output2, i, esShift(e, data, i));
  },
);

/** TestAlgoKernelUpdateMulti3: the three layouts, each of its own size. */
export const testAlgoUpdateESMulti3Kernel = kernel(
  'TestAlgoKernelUpdateMulti3',
  {
    input: view(TestSoA, 'in'),
    input2: view(TestSoA2, 'in'),
    input3: view(TestSoA3, 'in'),
    output: view(TestSoA),
    output2: view(TestSoA2),
    output3: view(TestSoA3),
    ...es,
    copyRow,
    copyRow2,
    copyRow3,
  },
  (acc, { input, input2, input3, output, output2, output3, e, data, esShift, copyRow, copyRow2, copyRow3 }) => {
    if (acc.oncePerGrid()) {
      output.r = input.r;
      output2.r2 = input2.r2;
      output3.r3 = input3.r3;
    }
    for (const i of acc.uniformElements(output.size)) copyRow(input, output, i, esShift(e, data, i));
    for (const i of acc.uniformElements(output2.size)) copyRow2(input2, output2, i, esShift(e, data, i));
    for (const i of acc.uniformElements(output3.size)) copyRow3(input3, output3, i, esShift(e, data, i));
  },
);
