import { FrameworkError } from '../errors/framework-error';
import type { ConstructedModule } from './module-construction';

/**
 * Refuses, at start-up, unscheduled modules that consume each other's products in a cycle: none of them could
 * run (CMSSW's "Unrunnable schedule"). The message names the cycle in consumption order.
 */
export function checkUnscheduledCycles(
  modules: readonly ConstructedModule[],
  producersOf: (module: ConstructedModule) => readonly ConstructedModule[],
): void {
  const unscheduled = modules.filter((module) => module.unscheduled);
  const edges = new Map<ConstructedModule, ConstructedModule[]>();
  for (const module of unscheduled) {
    edges.set(
      module,
      producersOf(module).filter((producer) => producer.unscheduled),
    );
  }
  const done = new Set<ConstructedModule>();
  const stack: ConstructedModule[] = [];
  const visit = (module: ConstructedModule): void => {
    const onStack = stack.indexOf(module);
    if (onStack >= 0) throw cycleError([...stack.slice(onStack), module]);
    if (done.has(module)) return;
    stack.push(module);
    for (const next of edges.get(module) ?? []) visit(next);
    stack.pop();
    done.add(module);
  };
  for (const module of unscheduled) visit(module);
}

function cycleError(cycle: readonly ConstructedModule[]): FrameworkError {
  const steps: string[] = [];
  for (let index = 0; index + 1 < cycle.length; index++) {
    steps.push(
      `${describe(cycle[index] as ConstructedModule)} consumes ${describe(cycle[index + 1] as ConstructedModule)}`,
    );
  }
  return new FrameworkError(
    'ScheduleExecutionFailure',
    `Unrunnable schedule\nModule run order problem found: \n${steps.join(', ')}\n` +
      'These unscheduled modules consume products of each other in a cycle, so none of them can run.\n' +
      'Remove one of the consumes calls, or read that product from another module.\n',
  );
}

function describe(module: ConstructedModule): string {
  return `${module.description.type}/'${module.description.label}'`;
}
