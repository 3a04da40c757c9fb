import { componentBrand, componentKindOf, describeArgument } from './component-brand';
import { Labelable, refuseOverrides, sealed } from './labelable';
import { isEventModuleType, type Module } from './module-builders';
import type { ParameterAttributes, ParameterOverrides } from './parameter-builders';
import type { ProcessAccelerator } from './process-accelerator';
import type { PathOperator } from './process-description';
import { pythonError } from './python-errors';
import { Schedule } from './schedule';
import type { SwitchProducer } from './switch-producer';
import { associateTasks, makeTask, type Task } from './task';

/**
 * Python's `~f`, `cms.ignore(f)` and `cms.wait(m)` on one item of a Path or Sequence. JavaScript cannot
 * overload `~` (nor `+` and `*`, which Python uses to chain items), so `~f` is written `cms.veto(f)` and
 * `cms.Path(a + b * ~f)` is written `cms.Path(a, b, cms.veto(f))`.
 */
export class PathOperation {
  readonly [componentBrand] = 'PathOperation' as const;
  readonly operator: Exclude<PathOperator, 'normal'>;
  readonly item: Module | Sequence;
  constructor(operator: Exclude<PathOperator, 'normal'>, item: Module | Sequence) {
    this.operator = operator;
    this.item = item;
    Object.freeze(this);
  }
}

/** What Paths, EndPaths and Sequences hold. Tasks placed among them are associated, not run in order. */
export type SequenceItem = Module | Sequence | Task | PathOperation;

/**
 * What may be given to cms.Path(…) & co: process attributes read as any labelled component, or undefined
 * under noUncheckedIndexedAccess; what they are is checked when they are given.
 */
export type SequenceArgument = SequenceItem | LabelledComponent | undefined;

/**
 * Every object that takes a label as a process attribute, as `process.label` reads. All share the parameter
 * attributes' index signature and a clone(), so `process.producer.clone({…})` and `process.producer.x = 1`
 * typecheck without a cast; on a Path, Sequence or Task the attributes do not exist at run time.
 */
export type LabelledComponent =
  | Module
  | (Path & ParameterAttributes)
  | (EndPath & ParameterAttributes)
  | (Sequence & ParameterAttributes)
  | (Task & ParameterAttributes)
  | ProcessAccelerator
  | SwitchProducer;

/** The members Paths, EndPaths and Sequences share (Python's `_ModuleSequenceType`). */
abstract class ModuleSequence extends Labelable {
  abstract readonly [componentBrand]: 'Path' | 'EndPath' | 'Sequence';
  readonly #items: SequenceItem[] = [];
  readonly #tasks: Task[] = [];

  /** The items in order, Tasks excluded. */
  items_(): readonly SequenceItem[] {
    return this.#items;
  }

  /** The Tasks associated with it (placed among its items or given to associate()). */
  tasks_(): readonly Task[] {
    return this.#tasks;
  }

  /** Python's `+=`: adds items at the end. */
  append(...items: readonly SequenceArgument[]): this {
    for (const item of items) {
      if (componentKindOf(item) === 'Task') this.associate(item as Task);
      else this.#items.push(checkedItem(item, this.kindName()));
    }
    return this;
  }

  /** Python's insert(index, item). */
  insert(index: number, item: SequenceArgument): this {
    this.#items.splice(index, 0, checkedItem(item, this.kindName()));
    return this;
  }

  /** Python's remove(item): the first occurrence; returns whether it was there. */
  remove(item: SequenceArgument): boolean {
    const index = this.#items.indexOf(item as SequenceItem);
    if (index >= 0) this.#items.splice(index, 1);
    return index >= 0;
  }

  /** Associates Tasks: their modules run unscheduled when this is scheduled. */
  associate(...tasks: readonly (Task | LabelledComponent | undefined)[]): this {
    associateTasks(this.#tasks, tasks);
    return this;
  }

  protected override labelledKind(): string {
    return this.kindName();
  }

  protected kindName(): 'Path' | 'EndPath' | 'Sequence' {
    return this[componentBrand];
  }

  /** A copy holding the same items and tasks, unlabelled (Python's copy()). */
  protected copyInto<T extends ModuleSequence>(copy: T): T {
    copy.append(...this.#items, ...this.#tasks);
    return copy;
  }
}

function checkedItem(item: unknown, container: string): SequenceItem {
  const kind = componentKindOf(item);
  if (kind === 'Sequence' || kind === 'PathOperation') return item as SequenceItem;
  if (kind === 'Module' && isEventModuleType((item as Module).edmType_())) return item as Module;
  // A SwitchProducer stands where its chosen case's EDProducer will run.
  if (kind === 'SwitchProducer') return item as Module;
  const what = kind === 'Module' ? `an ${(item as Module).edmType_()}` : describeArgument(item);
  throw pythonError(
    'TypeError',
    `A ${container} can hold EDProducers, EDFilters, EDAnalyzers, OutputModules, Sequences, Tasks and cms.veto/ignore/wait of them, not ${what}.`,
  );
}

// The index signature lets `process.label` read as any labelled component; a sequence has no parameters.
export class Path extends ModuleSequence {
  readonly [componentBrand] = 'Path' as const;
  clone(overrides?: ParameterOverrides): Path & ParameterAttributes {
    refuseOverrides(overrides, 'Path');
    return this.copyInto(makePath([]));
  }
}

export class EndPath extends ModuleSequence {
  readonly [componentBrand] = 'EndPath' as const;
  clone(overrides?: ParameterOverrides): EndPath & ParameterAttributes {
    refuseOverrides(overrides, 'EndPath');
    return this.copyInto(makeEndPath([]));
  }
}

export class Sequence extends ModuleSequence {
  readonly [componentBrand] = 'Sequence' as const;
  clone(overrides?: ParameterOverrides): Sequence & ParameterAttributes {
    refuseOverrides(overrides, 'Sequence');
    return this.copyInto(makeSequence([]));
  }
}

function makePath(items: readonly SequenceArgument[]): Path & ParameterAttributes {
  return sealed(new Path().append(...items));
}
function makeEndPath(items: readonly SequenceArgument[]): EndPath & ParameterAttributes {
  return sealed(new EndPath().append(...items));
}
function makeSequence(items: readonly SequenceArgument[]): Sequence & ParameterAttributes {
  return sealed(new Sequence().append(...items));
}

export const pathBuilders = {
  Path: (...items: readonly SequenceArgument[]) => makePath(items),
  EndPath: (...items: readonly SequenceArgument[]) => makeEndPath(items),
  Sequence: (...items: readonly SequenceArgument[]) => makeSequence(items),
  Task: (...items: readonly (Module | Task | LabelledComponent | undefined)[]) => makeTask(items),
  Schedule: (...paths: readonly (Path | EndPath | Task | LabelledComponent | undefined)[]) =>
    Object.preventExtensions(new Schedule(paths)),
  /** Python's `~f`: the Path passes where the filter fails and fails where it passes. */
  veto: (filter: Module | LabelledComponent | undefined) => new PathOperation('veto', operand(filter, 'veto', false)),
  /** Python's cms.ignore(f): the filter's result does not stop the Path. */
  ignore: (item: Module | Sequence | PathOperation | LabelledComponent | undefined) => combine('ignore', item),
  /** Python's cms.wait(m): the module does not run concurrently with the ones before it. */
  wait: (item: Module | Sequence | PathOperation | LabelledComponent | undefined) => combine('wait', item),
};

function operand(item: unknown, operator: string, sequenceAllowed: boolean): Module | Sequence {
  const kind = componentKindOf(item);
  if (
    (kind === 'Module' && isEventModuleType((item as Module).edmType_())) ||
    kind === 'SwitchProducer' ||
    (sequenceAllowed && kind === 'Sequence')
  )
    return item as Module | Sequence;
  throw pythonError(
    'TypeError',
    `cms.${operator} takes a module${sequenceAllowed ? ' or a Sequence' : ''}, not ${describeArgument(item)}.`,
  );
}

// cms.ignore(cms.wait(m)) and cms.wait(cms.ignore(m)) both give CMSSW's '+' (wait and ignore).
function combine(operator: 'ignore' | 'wait', item: unknown): PathOperation {
  if (componentKindOf(item) === 'PathOperation') {
    const inner = item as PathOperation;
    const other = operator === 'ignore' ? 'wait' : 'ignore';
    if (inner.operator !== other) {
      throw pythonError(
        'TypeError',
        `cms.${operator} cannot be applied to cms.${inner.operator === 'veto' ? 'veto' : inner.operator}(…).`,
      );
    }
    return new PathOperation('waitAndIgnore', inner.item);
  }
  return new PathOperation(operator, operand(item, operator, true));
}
