import type { FrameworkError } from '../errors/framework-error';
import type { ConstructedModule } from './module-construction';
import { unrunnableSchedule } from './module-order-check';

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
    steps.push(`${labelOf(cycle[index])} consumes ${labelOf(cycle[index + 1])}`);
  }
  return unrunnableSchedule(steps.join(', '));
}

function labelOf(module: ConstructedModule | undefined): string {
  return module?.description.label ?? '';
}
