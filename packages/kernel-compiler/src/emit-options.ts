/** What every emitter is told besides the IR. */
export interface EmitOptions {
  readonly dimension: number;
  /**
   * Emit the bounds-checked variant: every array and view access tests its index, skips an out-of-range one
   * (a load reads 0, a store is dropped) and records the first into the launch's bounds record. A separate
   * variant, keyed apart in every cache, so code without checks pays nothing for them.
   */
  readonly boundsChecks?: boolean;
}
