import { defineLayout, f32, i32 } from '@alpaka-ts/interface';

// HeterogeneousCore/AlpakaTest/interface/AlpakaESTestSoA.h: the layouts of the EventSetup test data.

/** AlpakaESTestSoAA: one int column z. */
export const AlpakaESTestSoAA = defineLayout('AlpakaESTestSoAA', [{ kind: 'column', name: 'z', elementType: i32 }]);

/** AlpakaESTestSoAC: one int column x. */
export const AlpakaESTestSoAC = defineLayout('AlpakaESTestSoAC', [{ kind: 'column', name: 'x', elementType: i32 }]);

/** AlpakaESTestSoAD: one int column y. */
export const AlpakaESTestSoAD = defineLayout('AlpakaESTestSoAD', [{ kind: 'column', name: 'y', elementType: i32 }]);

/** AlpakaESTestSoAE: float val and the index ind of the AlpakaESTestSoAEData row it refers to. */
export const AlpakaESTestSoAE = defineLayout('AlpakaESTestSoAE', [
  { kind: 'column', name: 'val', elementType: f32 },
  { kind: 'column', name: 'ind', elementType: i32 },
]);

/** AlpakaESTestSoAEData: float val2, reached from AlpakaESTestSoAE through ind. */
export const AlpakaESTestSoAEData = defineLayout('AlpakaESTestSoAEData', [
  { kind: 'column', name: 'val2', elementType: f32 },
]);
