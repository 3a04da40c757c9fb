import { kernel, view } from '@alpaka-ts/interface';
import { TestSoA, TestSoA2, TestSoA3 } from '../data-formats/test-soa';

// TestZeroCollectionKernel and its multi-layout forms: CMSSW asserts every field is 0. Here each assertion is an
// acc.check whose id says which one failed: id = layout · 8 + field (fields numbered in layout order, field 7 the
// scalar; an id must be a literal), decoded by describeCheckZeroFailure in check-zero.ts.

/** The field names by check code, per layout, for the failure message. */
export const checkZeroFields: readonly (readonly string[])[] = [
  ['x', 'y', 'z', 'id', 'flags', 'm', '', 'r'],
  ['x2', 'y2', 'z2', 'id2', '', 'm2', '', 'r2'],
  ['x3', 'y3', 'z3', 'id3', '', 'm3', '', 'r3'],
];

export const testAlgoCheckZeroKernel = kernel('TestZeroCollectionKernel', { v: view(TestSoA, 'in') }, (acc, { v }) => {
  if (acc.oncePerGrid()) acc.check(v.r === 0, 7);
  for (const i of acc.uniformElements(v.size)) {
    acc.check(v.x[i] === 0, 0);
    acc.check(v.y[i] === 0, 1);
    acc.check(v.z[i] === 0, 2);
    acc.check(v.id[i] === 0, 3);
    for (let k = 0; k < 4; k++) acc.check(v.flags[i * 4 + k] === 0, 4);
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 6; column++) acc.check(v.m(row, column)[i] === 0, 5);
    }
  }
});

export const testAlgoCheckZero2Kernel = kernel(
  'TestZeroMultiCollectionKernel2',
  { v: view(TestSoA2, 'in') },
  (acc, { v }) => {
    if (acc.oncePerGrid()) acc.check(v.r2 === 0, 15);
    for (const i of acc.uniformElements(v.size)) {
      acc.check(v.x2[i] === 0, 8);
      acc.check(v.y2[i] === 0, 9);
      acc.check(v.z2[i] === 0, 10);
      acc.check(v.id2[i] === 0, 11);
      for (let row = 0; row < 3; row++) {
        for (let column = 0; column < 6; column++) acc.check(v.m2(row, column)[i] === 0, 13);
      }
    }
  },
);

export const testAlgoCheckZero3Kernel = kernel(
  'TestZeroMultiCollectionKernel3',
  { v: view(TestSoA3, 'in') },
  (acc, { v }) => {
    if (acc.oncePerGrid()) acc.check(v.r3 === 0, 23);
    for (const i of acc.uniformElements(v.size)) {
      acc.check(v.x3[i] === 0, 16);
      acc.check(v.y3[i] === 0, 17);
      acc.check(v.z3[i] === 0, 18);
      acc.check(v.id3[i] === 0, 19);
      for (let row = 0; row < 3; row++) {
        for (let column = 0; column < 6; column++) acc.check(v.m3(row, column)[i] === 0, 21);
      }
    }
  },
);
