/**
 * What CMSSW's TrigReport prints, as data: counts per path and per module after a job
 * (`TrigReport Events total = N passed = P failed = F`, then the path and module tables).
 */
export interface TriggerReport {
  readonly eventsTotal: number;
  readonly eventsPassed: number;
  readonly eventsFailed: number;
  readonly paths: readonly PathReport[];
  readonly endPaths: readonly PathReport[];
  readonly modules: readonly ModuleReport[];
}

export interface PathReport {
  readonly name: string;
  /** Position in the trigger bits (paths first, then end paths). */
  readonly bit: number;
  readonly visited: number;
  readonly passed: number;
  readonly failed: number;
  readonly error: number;
  readonly modules: readonly ModuleInPathReport[];
}

export interface ModuleInPathReport {
  readonly label: string;
  readonly visited: number;
  readonly passed: number;
  readonly failed: number;
  readonly error: number;
}

export interface ModuleReport {
  readonly label: string;
  readonly type: string;
  /** Events for which it was asked to run (scheduled or prefetched). */
  readonly visited: number;
  readonly run: number;
  readonly passed: number;
  readonly failed: number;
  readonly error: number;
}
