import { componentBrand, componentKindOf, describeArgument } from './component-brand';
import { Labelable, refuseOverrides, sealed } from './labelable';
import type { Module } from './module-builders';
import type { ParameterAttributes, ParameterOverrides } from './parameter-builders';
import type { LabelledComponent } from './path-builders';
import { pythonError } from './python-errors';

/**
 * Python's cms.Task: modules (EDProducers, EDFilters, ES modules …) and other Tasks, in no order. The modules
 * of a Task associated with a scheduled Path, EndPath or the Schedule, and on no Path, run unscheduled.
 */
export class Task extends Labelable {
  readonly [componentBrand] = 'Task' as const;
  readonly #items: (Module | Task)[] = [];

  items_(): readonly (Module | Task)[] {
    return this.#items;
  }

  /** Python's Task.add. */
  add(...items: readonly (Module | Task | LabelledComponent | undefined)[]): this {
    for (const item of items) {
      const kind = componentKindOf(item);
      if (kind !== 'Module' && kind !== 'Task' && kind !== 'SwitchProducer') {
        throw pythonError(
          'TypeError',
          `Only modules and other Tasks can be added to a Task, not ${describeArgument(item)}.`,
        );
      }
      if (!this.#items.includes(item as Module | Task)) this.#items.push(item as Module | Task);
    }
    return this;
  }

  protected override labelledKind(): string {
    return 'Task';
  }

  clone(overrides?: ParameterOverrides): Task & ParameterAttributes {
    refuseOverrides(overrides, 'Task');
    return makeTask(this.#items);
  }
}

export function makeTask(items: readonly unknown[]): Task & ParameterAttributes {
  return sealed(new Task().add(...(items as (Module | Task)[])));
}

/**
 * Python's `associate(*tasks)` on a Path, EndPath, Sequence or Schedule: adds each Task once, refusing anything
 * else with Python's TypeError.
 */
export function associateTasks(associated: Task[], tasks: readonly unknown[]): void {
  for (const task of tasks) {
    if (componentKindOf(task) !== 'Task') {
      throw pythonError('TypeError', `associate only works with objects of type Task, got ${describeArgument(task)}`);
    }
    if (!associated.includes(task as Task)) associated.push(task as Task);
  }
}
