import { array, deviceFunction, f64, i32, kernel, u32, view } from '@alpaka-ts/interface';
import { TestSoA, TestSoA2, TestSoA3 } from '../data-formats/test-soa';

// The kernels of TestAlgo.dev.cc, written once for every backend. Matrix element (row, column) is
// (row + 1)(column + 1) and flag k is 6 − 2k: testAlgoMatrix and testAlgoFlags (test-algo-constants.ts) as closed
// formulas, since a kernel reads only its parameters and literals.

const fillRow = deviceFunction(
  'testAlgoFillRow',
  { v: view(TestSoA), i: u32, xvalue: f64 },
  undefined,
  (acc, { v, i, xvalue }) => {
    v.x[i] = xvalue;
    v.y[i] = 0;
    v.z[i] = 0;
    v.id[i] = acc.i32(i);
    for (let k = 0; k < 4; k++) v.flags[i * 4 + k] = acc.i16(6 - 2 * k);
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 6; column++) v.m(row, column)[i] = acc.f64((row + 1) * (column + 1) * i);
    }
  },
);

const fillRow2 = deviceFunction(
  'testAlgoFillRow2',
  { v: view(TestSoA2), i: u32, xvalue: f64 },
  undefined,
  (acc, { v, i, xvalue }) => {
    v.x2[i] = xvalue;
    v.y2[i] = 0;
    v.z2[i] = 0;
    v.id2[i] = acc.i32(i);
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 6; column++) v.m2(row, column)[i] = acc.f64((row + 1) * (column + 1) * i);
    }
  },
);

const fillRow3 = deviceFunction(
  'testAlgoFillRow3',
  { v: view(TestSoA3), i: u32, xvalue: f64 },
  undefined,
  (acc, { v, i, xvalue }) => {
    v.x3[i] = xvalue;
    v.y3[i] = 0;
    v.z3[i] = 0;
    v.id3[i] = acc.i32(i);
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 6; column++) v.m3(row, column)[i] = acc.f64((row + 1) * (column + 1) * i);
    }
  },
);

/** TestAlgoKernel: r = 1 once per grid, row i = {xvalue, 0, 0, i, flags, matrix · i}. */
export const testAlgoFillKernel = kernel(
  'TestAlgoKernel',
  { v: view(TestSoA), xvalue: f64, fillRow },
  (acc, { v, xvalue, fillRow }) => {
    if (acc.oncePerGrid()) v.r = 1;
    for (const i of acc.uniformElements(v.size)) fillRow(v, i, xvalue);
  },
);

/** TestAlgoMultiKernel2: layout 1 of a multi-layout collection, r2 = 2 and row i = {xvalue, 0, 0, i, matrix · i}. */
export const testAlgoMultiKernel2 = kernel(
  'TestAlgoMultiKernel2',
  { v: view(TestSoA2), xvalue: f64, fillRow2 },
  (acc, { v, xvalue, fillRow2 }) => {
    if (acc.oncePerGrid()) v.r2 = 2;
    for (const i of acc.uniformElements(v.size)) fillRow2(v, i, xvalue);
  },
);

/** TestAlgoMultiKernel3: layout 2, r3 = 3 and row i = {xvalue, 0, 0, i, matrix · i}. */
export const testAlgoMultiKernel3 = kernel(
  'TestAlgoMultiKernel3',
  { v: view(TestSoA3), xvalue: f64, fillRow3 },
  (acc, { v, xvalue, fillRow3 }) => {
    if (acc.oncePerGrid()) v.r3 = 3;
    for (const i of acc.uniformElements(v.size)) fillRow3(v, i, xvalue);
  },
);

/** TestAlgoStructKernel: one thread writes the struct's fields. */
export const testAlgoFillObjectKernel = kernel(
  'TestAlgoStructKernel',
  {
    x: array(f64, 'out'),
    y: array(f64, 'out'),
    z: array(f64, 'out'),
    id: array(i32, 'out'),
    xvalue: f64,
    yvalue: f64,
    zvalue: f64,
    idvalue: i32,
  },
  (acc, { x, y, z, id, xvalue, yvalue, zvalue, idvalue }) => {
    if (acc.oncePerGrid()) {
      x[0] = xvalue;
      y[0] = yvalue;
      z[0] = zvalue;
      id[0] = idvalue;
    }
  },
);
