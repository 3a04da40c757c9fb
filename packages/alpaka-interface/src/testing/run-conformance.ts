import type { BackendV1 } from '../backend';
import type { Device } from '../device';
import type { ConformanceCase } from './conformance-case';
import { ConformanceContext } from './context';
import { conformanceCases } from './suite';

export interface ConformanceResult {
  readonly category: string;
  readonly name: string;
  readonly passed: boolean;
  readonly error: Error | undefined;
  readonly milliseconds: number;
}

export interface ConformanceRunOptions {
  readonly device?: Device;
  /** Runs only the cases whose "category › name" matches. */
  readonly filter?: RegExp;
  readonly cases?: readonly ConformanceCase[];
  readonly onResult?: (result: ConformanceResult) => void;
}

/**
 * Runs the suite against a backend without any test framework (for GPU machines, where only Node is
 * available). Every case runs, failures included; the summary counts them.
 */
export async function runConformanceSuite(backend: BackendV1, options: ConformanceRunOptions = {}) {
  const context = new ConformanceContext(backend, options.device);
  const results: ConformanceResult[] = [];
  for (const testCase of options.cases ?? conformanceCases) {
    if (options.filter && !options.filter.test(`${testCase.category} › ${testCase.name}`)) continue;
    const started = performance.now();
    let error: Error | undefined;
    try {
      await testCase.run(context);
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught));
    }
    const result = {
      category: testCase.category,
      name: testCase.name,
      passed: !error,
      error,
      milliseconds: performance.now() - started,
    };
    results.push(result);
    options.onResult?.(result);
  }
  const passed = results.filter((result) => result.passed).length;
  return { backend: backend.name, device: context.device.name, results, passed, failed: results.length - passed };
}
