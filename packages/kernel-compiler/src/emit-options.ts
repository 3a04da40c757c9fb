import type { Expression } from './ir';

/** What every emitter is told besides the IR. */
export interface EmitOptions {
  readonly dimension: number;
  /**
   * Emit the bounds-checked variant: every array and view access tests its index, skips an out-of-range one
   * (a load reads 0, a store is dropped) and records the first into the launch's bounds record. A separate
   * variant, keyed apart in every cache, so code without checks pays nothing for them.
   */
  readonly boundsChecks?: boolean;
  /**
   * The work-division variant of GPU emitters: each thread handles exactly one element (CMSSW's GPU rule), so the
   * element loops need no inner loop. CPU emitters ignore it.
   */
  readonly oneElementPerThread?: boolean;
  /**
   * Accesses (`index` and `atomic` expressions of the IR) the caller has proven in range for the launches this
   * variant will run (analyseInRangeAccesses and its launch requirements): an emitter that guards accesses may emit
   * these without their guard. Ignored with boundsChecks, whose variant tests every access. Emitters that do not
   * guard (C++ without bounds checks) or whose guard costs nothing measurable (JavaScript) ignore it.
   */
  readonly unguardedAccesses?: ReadonlySet<Expression>;
}
