// TEMPORARY until the ED helper's src/test-algo lands (branch to-ed): the values TestAlgo writes, which the
// analyzers check. Replaced by a re-export from ../test-algo once merged, so they are declared once.

/** TestAlgo's `matrix`: row r is (r + 1)·{1, 2, 3, 4, 5, 6}; row i of a collection holds matrix·i. */
export const testAlgoMatrix: readonly (readonly number[])[] = [
  [1, 2, 3, 4, 5, 6],
  [2, 4, 6, 8, 10, 12],
  [3, 6, 9, 12, 15, 18],
];

/** TestAlgo's `flags`. */
export const testAlgoFlags: readonly number[] = [6, 4, 2, 0];
