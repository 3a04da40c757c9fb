import { componentBrand, componentKindOf, describeArgument } from './component-brand';
import type { EndPath, LabelledComponent, Path } from './path-builders';
import { pythonError } from './python-errors';
import { associateTasks, type Task } from './task';

/**
 * Python's cms.Schedule: which Paths and EndPaths run, in order, and Tasks associated with all of them.
 * Python's `cms.Schedule(p1, p2, tasks=[t])` is `cms.Schedule(p1, p2, t)` or `cms.Schedule(p1, p2).associate(t)`;
 * Python's list methods append and insert edit it.
 */
export class Schedule {
  readonly [componentBrand] = 'Schedule' as const;
  readonly #paths: (Path | EndPath)[] = [];
  readonly #tasks: Task[] = [];

  constructor(items: readonly unknown[]) {
    this.append(...(items as LabelledComponent[]));
  }

  paths_(): readonly (Path | EndPath)[] {
    return this.#paths;
  }

  tasks_(): readonly Task[] {
    return this.#tasks;
  }

  /** Adds Paths and EndPaths at the end (Tasks given here are associated). */
  append(...items: readonly (Path | EndPath | Task | LabelledComponent | undefined)[]): this {
    for (const item of items) {
      if (componentKindOf(item) === 'Task') this.associate(item as Task);
      else this.#paths.push(checkedPath(item));
    }
    return this;
  }

  insert(index: number, path: Path | EndPath | LabelledComponent | undefined): this {
    this.#paths.splice(index, 0, checkedPath(path));
    return this;
  }

  associate(...tasks: readonly (Task | LabelledComponent | undefined)[]): this {
    associateTasks(this.#tasks, tasks);
    return this;
  }
}

function checkedPath(path: unknown): Path | EndPath {
  const kind = componentKindOf(path);
  if (kind !== 'Path' && kind !== 'EndPath') {
    throw pythonError('TypeError', `A Schedule holds Paths, EndPaths and Tasks, not ${describeArgument(path)}.`);
  }
  return path as Path | EndPath;
}
