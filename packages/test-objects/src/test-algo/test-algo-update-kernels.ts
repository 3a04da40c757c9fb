import { array, deviceFunction, i32, kernel, u32, view } from '@alpaka-ts/interface';
import { TestSoA, TestSoA2, TestSoA3 } from '../data-formats/test-soa';

// TestAlgo's update(queue, input, UpdateInfo const*): a new collection of the same sizes, every field copied and
// x_i += d->x (x2 and x3 in the other layouts). `update` is UpdateInfo {int x, y, z} in the device's memory, read
// as three int32 (struct-fields.ts explains why a struct travels as arrays).

const copyRow = deviceFunction(
  'testAlgoUpdateRow',
  { input: view(TestSoA, 'in'), output: view(TestSoA), i: u32, dx: i32 },
  undefined,
  (_acc, { input, output, i, dx }) => {
    output.x[i] = input.x[i] + dx;
    output.y[i] = input.y[i];
    output.z[i] = input.z[i];
    output.id[i] = input.id[i];
    for (let k = 0; k < 4; k++) output.flags[i * 4 + k] = input.flags[i * 4 + k];
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 6; column++) output.m(row, column)[i] = input.m(row, column)[i];
    }
  },
);

const copyRow2 = deviceFunction(
  'testAlgoUpdateRow2',
  { input: view(TestSoA2, 'in'), output: view(TestSoA2), i: u32, dx: i32 },
  undefined,
  (_acc, { input, output, i, dx }) => {
    output.x2[i] = input.x2[i] + dx;
    output.y2[i] = input.y2[i];
    output.z2[i] = input.z2[i];
    output.id2[i] = input.id2[i];
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 6; column++) output.m2(row, column)[i] = input.m2(row, column)[i];
    }
  },
);

const copyRow3 = deviceFunction(
  'testAlgoUpdateRow3',
  { input: view(TestSoA3, 'in'), output: view(TestSoA3), i: u32, dx: i32 },
  undefined,
  (_acc, { input, output, i, dx }) => {
    output.x3[i] = input.x3[i] + dx;
    output.y3[i] = input.y3[i];
    output.z3[i] = input.z3[i];
    output.id3[i] = input.id3[i];
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 6; column++) output.m3(row, column)[i] = input.m3(row, column)[i];
    }
  },
);

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
