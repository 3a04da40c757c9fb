import type { ConformanceContext } from './context';

/** One conformance case: alpaka's test category, a name, and the run that throws ConformanceFailure when the backend is wrong. */
export interface ConformanceCase {
  readonly category: string;
  readonly name: string;
  run(context: ConformanceContext): Promise<void>;
}

export const defineCases = (
  category: string,
  cases: Record<string, (context: ConformanceContext) => Promise<void>>,
): ConformanceCase[] => Object.entries(cases).map(([name, run]) => ({ category, name, run }));
