import { defineRecord } from '@alpaka-ts/core';

// HeterogeneousCore/AlpakaTest/interface/AlpakaESTestRecords.h: A, B and C are independent records; D is a
// DependentRecordImplementation of A and B, so its IOV is the intersection of theirs and a new IOV of either
// makes its products again.

export const AlpakaESTestRecordA = defineRecord('AlpakaESTestRecordA');
export const AlpakaESTestRecordB = defineRecord('AlpakaESTestRecordB');
export const AlpakaESTestRecordC = defineRecord('AlpakaESTestRecordC');
export const AlpakaESTestRecordD = defineRecord('AlpakaESTestRecordD', {
  dependsOn: [AlpakaESTestRecordA, AlpakaESTestRecordB],
});
