import { componentBrand, componentKindOf, describeValueType } from './component-brand';
import type { EndPath, LabelledComponent, Path } from './path-builders';
import { pythonError } from './python-errors';
import type { Task } from './task';

/** Python's cms.Schedule: which Paths and EndPaths run, in order, and Tasks associated with all of them. */
export class Schedule {
  readonly [componentBrand] = 'Schedule' as const;
  readonly #paths: (Path | EndPath)[] = [];
  readonly #tasks: Task[] = [];

  constructor(paths: readonly unknown[]) {
    for (const path of paths) {
      const kind = componentKindOf(path);
      if (kind !== 'Path' && kind !== 'EndPath') {
        throw pythonError('TypeError', `A Schedule holds Paths and EndPaths, not ${describeValueType(path)}.`);
      }
      this.#paths.push(path as Path | EndPath);
    }
  }

  paths_(): readonly (Path | EndPath)[] {
    return this.#paths;
  }

  tasks_(): readonly Task[] {
    return this.#tasks;
  }

  associate(...tasks: readonly (Task | LabelledComponent)[]): this {
    for (const task of tasks) {
      if (componentKindOf(task) !== 'Task') {
        throw pythonError(
          'TypeError',
          `associate only works with objects of type Task, got ${describeValueType(task)}`,
        );
      }
      if (!this.#tasks.includes(task as Task)) this.#tasks.push(task as Task);
    }
    return this;
  }
}
