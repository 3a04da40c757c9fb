import { atomicCases, atomicConformanceKernels } from './cases/atomic-cases';
import { blockKernels, sharedCases, sharedSharingCases, syncCases } from './cases/block-cases';
import { eventCases } from './cases/event-cases';
import { execCases, execKernels } from './cases/exec-cases';
import { fenceCases, fenceWarpMathKernels, mathCases, warpCases } from './cases/fence-warp-math-cases';
import { indexCases, indexKernels } from './cases/index-cases';
import { kernelCases, kernelKernels } from './cases/kernel-cases';
import { kernelLanguageCases, kernelLanguageKernels } from './cases/kernel-language-cases';
import { copyCases, memoryBufferCases, viewCases } from './cases/memory-cases';
import { queueCases } from './cases/queue-cases';
import { soaViewCases, soaViewKernels } from './cases/soa-view-cases';
import { workDivisionCases, workDivisionKernels } from './cases/work-division-cases';
import type { ConformanceCase, ConformanceKernel } from './conformance-case';

/** Every conformance case, in alpaka's unit-test categories. */
export const conformanceCases: readonly ConformanceCase[] = Object.freeze([
  ...queueCases,
  ...eventCases,
  ...memoryBufferCases,
  ...viewCases,
  ...copyCases,
  ...kernelLanguageCases,
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
  ...soaViewCases,
]);

/** Every kernel the suite launches, with its dimensions: GPU backends compile them all ahead of time in CI. */
export const conformanceKernels: readonly ConformanceKernel[] = Object.freeze([
  ...kernelKernels,
  ...kernelLanguageKernels,
  ...workDivisionKernels,
  ...indexKernels,
  ...execKernels,
  ...blockKernels,
  ...atomicConformanceKernels,
  ...fenceWarpMathKernels,
  ...soaViewKernels,
]);
