import { deviceFunction, i32, u32, view } from '@alpaka-ts/interface';
import { TestSoA, TestSoA2, TestSoA3 } from '../data-formats/test-soa';

// One row of TestAlgo's update, for each layout: every field copied, x shifted by dx. Both updates (by
// UpdateInfo and by the E ES data) differ only in where dx comes from.

export const copyRow = deviceFunction(
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

export const copyRow2 = deviceFunction(
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

export const copyRow3 = deviceFunction(
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
