import type { ConstructedModule } from './module-construction';
import type { PathRunner } from './path-runner';
import type { BuiltStream } from './stream-builder';
import type { EventCounts } from './stream-schedule';
import type { ModuleInPathReport, ModuleReport, PathReport, TriggerReport } from './trigger-report';

/** Sums the per-stream counters into CMSSW's TrigReport. */
export function buildTriggerReport(
  counts: EventCounts,
  streams: readonly BuiltStream[],
  modules: readonly ConstructedModule[],
): TriggerReport {
  const pathReports = (select: (stream: BuiltStream) => readonly PathRunner[]): PathReport[] => {
    const first = streams[0];
    if (first === undefined) return [];
    return select(first).map((path, index) => {
      const runners = streams.map((stream) => select(stream)[index] as PathRunner);
      const sum = (read: (runner: PathRunner) => number) => runners.reduce((total, runner) => total + read(runner), 0);
      const entries: ModuleInPathReport[] = path.entries.map((entry, position) => ({
        label: entry.worker.label,
        visited: sum((runner) => runner.entryVisited[position] ?? 0),
        passed: sum((runner) => runner.entryPassed[position] ?? 0),
        failed: sum((runner) => runner.entryFailed[position] ?? 0),
        error: sum((runner) => runner.entryErrors[position] ?? 0),
      }));
      return {
        name: path.name,
        bit: path.bit,
        visited: sum((runner) => runner.visited),
        passed: sum((runner) => runner.passed),
        failed: sum((runner) => runner.failed),
        error: sum((runner) => runner.errors),
        modules: entries,
      };
    });
  };
  const moduleReports: ModuleReport[] = modules.map((module) => {
    const workers = streams.flatMap((stream) => stream.moduleWorkers.get(module) ?? []);
    const sum = (read: (worker: (typeof workers)[number]) => number) =>
      workers.reduce((total, worker) => total + read(worker), 0);
    return {
      label: module.description.label,
      type: module.description.type,
      visited: sum((worker) => worker.visitedCount),
      run: sum((worker) => worker.runCount),
      passed: sum((worker) => worker.passedCount),
      failed: sum((worker) => worker.failedCount),
      error: sum((worker) => worker.errorCount),
    };
  });
  return {
    eventsTotal: counts.total,
    eventsPassed: counts.passed,
    eventsFailed: counts.failed,
    paths: pathReports((stream) => stream.stream.paths),
    endPaths: pathReports((stream) => stream.stream.endPaths),
    modules: moduleReports,
  };
}
