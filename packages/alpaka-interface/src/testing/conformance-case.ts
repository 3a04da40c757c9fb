import type { KernelDefinition } from '../kernel';
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

/** A kernel of the suite and the work-division dimensions the suite launches it with (for ahead-of-time compile checks). */
export interface ConformanceKernel {
  readonly kernel: KernelDefinition;
  readonly dimensions: readonly number[];
  /**
   * The constant() values the suite launches it with, for kernels that need them at compile time (a shared
   * array sized by one); compile checks build one specialisation per entry.
   */
  readonly specialisations?: ReadonlyArray<Readonly<Record<string, number>>>;
}
