import type { ProcessDescription } from '../configuration/process-description';
import { FrameworkError } from '../errors/framework-error';
import type { ConstructedModule } from './module-construction';

/**
 * Part of CMSSW's checkForModuleDependencyCorrectness: a module that consumes a product of a module placed after
 * it on the same Path (or EndPath) could only read it if the framework ran them out of the order written,
 * which would give results that depend on timing; CMSSW refuses the schedule at start-up, and so do we.
 */
export function checkModuleOrderOnPaths(
  description: ProcessDescription,
  byLabel: ReadonlyMap<string, ConstructedModule>,
  producersOf: (module: ConstructedModule) => readonly ConstructedModule[],
): void {
  const problems: string[] = [];
  for (const path of [...description.paths, ...description.endPaths]) {
    const position = new Map<ConstructedModule, number>();
    path.entries.forEach((entry, index) => {
      const module = byLabel.get(entry.label);
      if (module !== undefined && !position.has(module)) position.set(module, index);
    });
    for (const [consumer, consumerIndex] of position) {
      for (const producer of producersOf(consumer)) {
        const producerIndex = position.get(producer);
        if (producerIndex !== undefined && producerIndex > consumerIndex) {
          const consumerLabel = consumer.description.label;
          const producerLabel = producer.description.label;
          problems.push(
            `${consumerLabel} consumes ${producerLabel}, ${producerLabel} after ${consumerLabel} [path ${path.name}]`,
          );
        }
      }
    }
  }
  if (problems.length > 0) throw unrunnableSchedule(problems.join('\n'));
}

/** CMSSW's ScheduleExecutionFailure "Unrunnable schedule" with its closing lines. */
export function unrunnableSchedule(problem: string): FrameworkError {
  return new FrameworkError(
    'ScheduleExecutionFailure',
    `Unrunnable schedule\nModule run order problem found: \n${problem}\n` +
      ' Running in the threaded framework would lead to indeterminate results.\n' +
      ' Please change order of modules in mentioned Path(s) to avoid inconsistent module ordering.',
  );
}
