import { atomicCases } from './cases/atomic-cases';
import { sharedCases, sharedSharingCases, syncCases } from './cases/block-cases';
import { eventCases } from './cases/event-cases';
import { execCases } from './cases/exec-cases';
import { fenceCases, mathCases, warpCases } from './cases/fence-warp-math-cases';
import { indexCases, kernelCases, workDivisionCases } from './cases/kernel-cases';
import { copyCases, memoryBufferCases, viewCases } from './cases/memory-cases';
import { queueCases } from './cases/queue-cases';
import type { ConformanceCase } from './conformance-case';

/** Every conformance case, in alpaka's unit-test categories. */
export const conformanceCases: readonly ConformanceCase[] = Object.freeze([
  ...queueCases,
  ...eventCases,
  ...memoryBufferCases,
  ...viewCases,
  ...copyCases,
  ...kernelCases,
  ...workDivisionCases,
  ...indexCases,
  ...execCases,
  ...sharedCases,
  ...sharedSharingCases,
  ...syncCases,
  ...atomicCases,
  ...fenceCases,
  ...warpCases,
  ...mathCases,
]);
