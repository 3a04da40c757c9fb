import { ConformanceContext, conformanceCases } from '@alpaka-ts/interface/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import serialBackend, { cpuLaunchCounts } from '../src/index';

// The same suite a GPU machine runs with runConformanceSuite, one vitest test per case, through each CPU emitter:
// WebAssembly (the default, host buffers live in the host heap) and JavaScript (ALPAKA_TS_CPU_EMITTER).
const context = new ConformanceContext(serialBackend);
const categories = [...new Set(conformanceCases.map((testCase) => testCase.category))];

// And once more through each with bounds checks on (ALPAKA_TS_BOUNDS_CHECKS, read when each case makes its
// queue): every conforming kernel stays in range, so the checked variants must give the same results.
for (const [emitter, boundsChecks] of [
  ['webassembly', false],
  ['javascript', false],
  ['webassembly', true],
  ['javascript', true],
] as const) {
  describe(`through ${emitter}${boundsChecks ? ', bounds-checked' : ''}`, () => {
    const before = { webassembly: 0, javascript: 0 };
    beforeAll(() => {
      process.env.ALPAKA_TS_CPU_EMITTER = emitter;
      if (boundsChecks) process.env.ALPAKA_TS_BOUNDS_CHECKS = '1';
      Object.assign(before, cpuLaunchCounts());
    });
    afterAll(() => {
      delete process.env.ALPAKA_TS_CPU_EMITTER;
      delete process.env.ALPAKA_TS_BOUNDS_CHECKS;
    });
    for (const category of categories) {
      describe(`conformance › ${category}`, () => {
        for (const testCase of conformanceCases.filter((candidate) => candidate.category === category)) {
          it(testCase.name, () => testCase.run(context));
        }
      });
    }
    it(`ran every launch of the suite as ${emitter}`, () => {
      const after = cpuLaunchCounts();
      const other = emitter === 'webassembly' ? 'javascript' : 'webassembly';
      expect(after[emitter] - before[emitter]).toBeGreaterThan(40);
      expect(after[other] - before[other]).toBe(0);
    });
  });
}
