import { componentBrand, componentKindOf, describeArgument } from './component-brand';
import { checkLabelChange, refuseOverrides, sealed } from './labelable';
import type { Module } from './module-builders';
import type { ParameterAttributes, ParameterOverrides } from './parameter-builders';
import type { LabelledComponent } from './path-builders';
import { pythonError } from './python-errors';

/**
 * Python's cms.Task: modules (EDProducers, EDFilters, ES modules …) and other Tasks, in no order. The modules
 * of a Task associated with a scheduled Path, EndPath or the Schedule, and on no Path, run unscheduled.
 */
export class Task {
  readonly [componentBrand] = 'Task' as const;
  readonly #items: (Module | Task)[] = [];
  #label: string | undefined;

  items_(): readonly (Module | Task)[] {
    return this.#items;
  }

  /** Python's Task.add. */
  add(...items: readonly (Module | Task | LabelledComponent | undefined)[]): this {
    for (const item of items) {
      const kind = componentKindOf(item);
      if (kind !== 'Module' && kind !== 'Task') {
        throw pythonError(
          'TypeError',
          `Only modules and other Tasks can be added to a Task, not ${describeArgument(item)}.`,
        );
      }
      if (!this.#items.includes(item as Module | Task)) this.#items.push(item as Module | Task);
    }
    return this;
  }

  hasLabel_(): boolean {
    return this.#label !== undefined;
  }

  label_(): string | undefined {
    return this.#label;
  }

  setLabel(label: string | undefined): void {
    checkLabelChange(this.#label, label, 'Task');
    this.#label = label;
  }

  clone(overrides?: ParameterOverrides): Task & ParameterAttributes {
    refuseOverrides(overrides, 'Task');
    return makeTask(this.#items);
  }
}

export function makeTask(items: readonly unknown[]): Task & ParameterAttributes {
  return sealed(new Task().add(...(items as (Module | Task)[])));
}
