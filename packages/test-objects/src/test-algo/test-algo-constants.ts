// The constants of HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlgo.dev.cc. The kernels write them as the
// closed formulas below (a kernel reads only its parameters and literals); the analyzers compute the expected
// values from these exports, and test/test-algo.test.ts checks that the kernels' formulas give exactly these.

/** TestAlgo's `matrix`: Matrix<double, 3, 6> {{1..6}, {2, 4, ..12}, {3, 6, ..18}}; element (row, column) is (row + 1)(column + 1). */
export const testAlgoMatrix: readonly (readonly number[])[] = Object.freeze([
  Object.freeze([1, 2, 3, 4, 5, 6]),
  Object.freeze([2, 4, 6, 8, 10, 12]),
  Object.freeze([3, 6, 9, 12, 15, 18]),
]);

/** TestAlgo's `flags`: the StdArray<short, 4> {6, 4, 2, 0}; element k is 6 − 2k. */
export const testAlgoFlags: readonly number[] = Object.freeze([6, 4, 2, 0]);

/** Items per group of every TestAlgo launch but checkZero (CMSSW: "this value is arbitrary, but reasonable"). */
export const testAlgoItemsPerGroup = 64;

/** The scalars the fill kernels set: r = 1, r2 = 2, r3 = 3. */
export const testAlgoScalars = Object.freeze({ r: 1, r2: 2, r3: 3 });

/** The expected matrix coefficient (row, column) of element i: matrix · i. */
export function expectedMatrixCoefficient(row: number, column: number, i: number): number {
  return (testAlgoMatrix[row]?.[column] ?? Number.NaN) * i;
}
