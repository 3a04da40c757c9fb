import { ConformanceContext, conformanceCases } from '@alpaka-ts/interface/testing';
import { describe, it } from 'vitest';
import serialBackend from '../src/index';

// The same suite a GPU machine runs with runConformanceSuite, one vitest test per case.
const context = new ConformanceContext(serialBackend);
const categories = [...new Set(conformanceCases.map((testCase) => testCase.category))];

for (const category of categories) {
  describe(`conformance › ${category}`, () => {
    for (const testCase of conformanceCases.filter((candidate) => candidate.category === category)) {
      it(testCase.name, () => testCase.run(context));
    }
  });
}
