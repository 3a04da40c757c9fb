import { array, kernel, u32, view } from '@alpaka-ts/interface';
import { TestSoA, TestSoA2, TestSoA3 } from '../data-formats/test-soa';

// TestZeroCollectionKernel and its multi-layout forms: CMSSW asserts every field is 0. Here each assertion is an
// acc.check whose id says which one failed: id = layout · 8 + field (fields numbered in layout order, field 7 the
// scalar; an id must be a literal), decoded by describeCheckZeroFailure in check-zero.ts. `firstRow` (set to
// 0xffffffff before the launch) gets, by atomicMin, the lowest element with a field that is not 0.

/** The field names by check code, per layout, for the failure message. */
export const checkZeroFields: readonly (readonly string[])[] = [
  ['x', 'y', 'z', 'id', 'flags', 'm', '', 'r'],
  ['x2', 'y2', 'z2', 'id2', '', 'm2', '', 'r2'],
  ['x3', 'y3', 'z3', 'id3', '', 'm3', '', 'r3'],
];

export const testAlgoCheckZeroKernel = kernel(
  'TestZeroCollectionKernel',
  { v: view(TestSoA, 'in'), firstRow: array(u32) },
  (acc, { v, firstRow }) => {
    if (acc.oncePerGrid()) acc.check(v.r === 0, 7);
    for (const i of acc.uniformElements(v.size)) {
      acc.check(v.x[i] === 0, 0);
      if (v.x[i] !== 0) acc.atomicMin(firstRow, 0, i);
      acc.check(v.y[i] === 0, 1);
      if (v.y[i] !== 0) acc.atomicMin(firstRow, 0, i);
      acc.check(v.z[i] === 0, 2);
      if (v.z[i] !== 0) acc.atomicMin(firstRow, 0, i);
      acc.check(v.id[i] === 0, 3);
      if (v.id[i] !== 0) acc.atomicMin(firstRow, 0, i);
      for (let k = 0; k < 4; k++) {
        acc.check(v.flags[i * 4 + k] === 0, 4);
        if (v.flags[i * 4 + k] !== 0) acc.atomicMin(firstRow, 0, i);
      }
      for (let row = 0; row < 3; row++) {
        for (let column = 0; column < 6; column++) {
          acc.check(v.m(row, column)[i] === 0, 5);
          if (v.m(row, column)[i] !== 0) acc.atomicMin(firstRow, 0, i);
        }
      }
    }
  },
);

export const testAlgoCheckZero2Kernel = kernel(
  'TestZeroMultiCollectionKernel2',
  { v: view(TestSoA2, 'in'), firstRow: array(u32) },
  (acc, { v, firstRow }) => {
    if (acc.oncePerGrid()) acc.check(v.r2 === 0, 15);
    for (const i of acc.uniformElements(v.size)) {
      acc.check(v.x2[i] === 0, 8);
      if (v.x2[i] !== 0) acc.atomicMin(firstRow, 0, i);
      acc.check(v.y2[i] === 0, 9);
      if (v.y2[i] !== 0) acc.atomicMin(firstRow, 0, i);
      acc.check(v.z2[i] === 0, 10);
      if (v.z2[i] !== 0) acc.atomicMin(firstRow, 0, i);
      acc.check(v.id2[i] === 0, 11);
      if (v.id2[i] !== 0) acc.atomicMin(firstRow, 0, i);
      for (let row = 0; row < 3; row++) {
        for (let column = 0; column < 6; column++) {
          acc.check(v.m2(row, column)[i] === 0, 13);
          if (v.m2(row, column)[i] !== 0) acc.atomicMin(firstRow, 0, i);
        }
      }
    }
  },
);

export const testAlgoCheckZero3Kernel = kernel(
  'TestZeroMultiCollectionKernel3',
  { v: view(TestSoA3, 'in'), firstRow: array(u32) },
  (acc, { v, firstRow }) => {
    if (acc.oncePerGrid()) acc.check(v.r3 === 0, 23);
    for (const i of acc.uniformElements(v.size)) {
      acc.check(v.x3[i] === 0, 16);
      if (v.x3[i] !== 0) acc.atomicMin(firstRow, 0, i);
      acc.check(v.y3[i] === 0, 17);
      if (v.y3[i] !== 0) acc.atomicMin(firstRow, 0, i);
      acc.check(v.z3[i] === 0, 18);
      if (v.z3[i] !== 0) acc.atomicMin(firstRow, 0, i);
      acc.check(v.id3[i] === 0, 19);
      if (v.id3[i] !== 0) acc.atomicMin(firstRow, 0, i);
      for (let row = 0; row < 3; row++) {
        for (let column = 0; column < 6; column++) {
          acc.check(v.m3(row, column)[i] === 0, 21);
          if (v.m3(row, column)[i] !== 0) acc.atomicMin(firstRow, 0, i);
        }
      }
    }
  },
);
