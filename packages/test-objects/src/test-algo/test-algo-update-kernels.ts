import { array, i32, kernel, view } from '@alpaka-ts/interface';
import { TestSoA, TestSoA2, TestSoA3 } from '../data-formats/test-soa';
import { copyRow, copyRow2, copyRow3 } from './test-algo-update-rows';

// TestAlgo's update(queue, input, UpdateInfo const*): a new collection of the same sizes, every field copied and
// x_i += d->x (x2 and x3 in the other layouts). `update` is UpdateInfo {int x, y, z} in the device's memory, read
// as three int32 (struct-fields.ts explains why a struct travels as arrays).

/** TestAlgoKernelUpdate with UpdateInfo: the collection. */
export const testAlgoUpdateKernel = kernel(
  'TestAlgoKernelUpdateInfo',
  { input: view(TestSoA, 'in'), output: view(TestSoA), update: array(i32, 'in'), copyRow },
  (acc, { input, output, update, copyRow }) => {
    if (acc.oncePerGrid()) output.r = input.r;
    const dx = update[0];
    for (const i of acc.uniformElements(output.size)) copyRow(input, output, i, dx);
  },
);

/** TestAlgoKernelUpdateMulti2 with UpdateInfo: both layouts, each of its own size. */
export const testAlgoUpdateMulti2Kernel = kernel(
  'TestAlgoKernelUpdateInfoMulti2',
  {
    input: view(TestSoA, 'in'),
    input2: view(TestSoA2, 'in'),
    output: view(TestSoA),
    output2: view(TestSoA2),
    update: array(i32, 'in'),
    copyRow,
    copyRow2,
  },
  (acc, { input, input2, output, output2, update, copyRow, copyRow2 }) => {
    if (acc.oncePerGrid()) {
      output.r = input.r;
      output2.r2 = input2.r2;
    }
    const dx = update[0];
    for (const i of acc.uniformElements(output.size)) copyRow(input, output, i, dx);
    for (const i of acc.uniformElements(output2.size)) copyRow2(input2, output2, i, dx);
  },
);

/** TestAlgoKernelUpdateMulti3 with UpdateInfo: the three layouts, each of its own size. */
export const testAlgoUpdateMulti3Kernel = kernel(
  'TestAlgoKernelUpdateInfoMulti3',
  {
    input: view(TestSoA, 'in'),
    input2: view(TestSoA2, 'in'),
    input3: view(TestSoA3, 'in'),
    output: view(TestSoA),
    output2: view(TestSoA2),
    output3: view(TestSoA3),
    update: array(i32, 'in'),
    copyRow,
    copyRow2,
    copyRow3,
  },
  (acc, { input, input2, input3, output, output2, output3, update, copyRow, copyRow2, copyRow3 }) => {
    if (acc.oncePerGrid()) {
      output.r = input.r;
      output2.r2 = input2.r2;
      output3.r3 = input3.r3;
    }
    const dx = update[0];
    for (const i of acc.uniformElements(output.size)) copyRow(input, output, i, dx);
    for (const i of acc.uniformElements(output2.size)) copyRow2(input2, output2, i, dx);
    for (const i of acc.uniformElements(output3.size)) copyRow3(input3, output3, i, dx);
  },
);
