import { FrameworkError } from '../errors/framework-error';
import { ParameterSet } from '../parameter-set/parameter-set';
import { componentKindOf } from './component-brand';
import { isEventModuleType, isModule, type Module } from './module-builders';
import type { PathOperation, Sequence, SequenceItem } from './path-builders';
import type { ProcessStateFields } from './process';
import type { ProcessAccelerator } from './process-accelerator';
import type {
  ModuleDescription,
  PathDescription,
  PathEntryDescription,
  PathOperator,
  ProcessDescription,
} from './process-description';
import { toProcessOptions } from './process-options';
import { pythonError } from './python-errors';
import { isSwitchProducer, type SwitchProducerDescription, switchPlaceholder } from './switch-producer';
import type { Task } from './task';

type ModuleSequenceLike = {
  items_(): readonly SequenceItem[];
  tasks_(): readonly Task[];
  label_(): string | undefined;
};

/**
 * Python's `Process.fillProcessDesc`: Sequences flattened into each scheduled Path's module list with the
 * operator of each entry, Tasks gathered from the scheduled Paths, EndPaths and the Schedule, and, as cmsRun,
 * only the modules that are on a scheduled Path or in such a Task kept (the others never run).
 */
export function buildProcessDescription(state: ProcessStateFields): ProcessDescription {
  const labelOf = new Map<object, string>();
  for (const [label, component] of state.labels) labelOf.set(component, label);

  const scheduled = scheduledSequences(state, labelOf);
  const tasks: Task[] = [...(state.schedule?.tasks_() ?? [])];
  const paths: PathDescription[] = [];
  const endPaths: PathDescription[] = [];
  const onPaths = new Set<string>();
  for (const { name, sequence, isEndPath } of scheduled) {
    const entries: PathEntryDescription[] = [];
    flatten(sequence, 'normal', { name, state, labelOf, entries, tasks, visiting: new Set() });
    for (const entry of entries) onPaths.add(entry.label);
    (isEndPath ? endPaths : paths).push({ name, entries });
  }

  const inTasks = new Set<string>();
  collectTaskModules(tasks, state, labelOf, inTasks, new Set());
  const unscheduledModules = [...inTasks].filter((label) => !onPaths.has(label));

  const modules = new Map<string, ModuleDescription>();
  const eventSetupModules: ModuleDescription[] = [];
  const services: ModuleDescription[] = [];
  const processAccelerators: ProcessAccelerator[] = [];
  const switchProducers: SwitchProducerDescription[] = [];
  for (const [label, component] of state.labels) {
    if (componentKindOf(component) === 'ProcessAccelerator') processAccelerators.push(component as ProcessAccelerator);
    if (isSwitchProducer(component) && (onPaths.has(label) || inTasks.has(label))) {
      const switchProducer = component.describe(label, describeModule);
      switchProducers.push(switchProducer);
      modules.set(label, switchPlaceholder(switchProducer));
    }
    if (!isModule(component)) continue;
    if (component.edmType_() === 'Service') services.push(describeModule(label, component));
    else if (isEventModuleType(component.edmType_())) {
      if (onPaths.has(label) || inTasks.has(label)) modules.set(label, describeModule(label, component));
    } else eventSetupModules.push(describeModule(label, component));
  }

  const maxEvents = state.maxEvents.value();
  const input = maxEvents.entry('input')?.value;
  return {
    name: state.name,
    source: state.source === undefined ? undefined : describeModule('source', state.source),
    maxEvents: { input: typeof input === 'number' ? input : -1 },
    options: toProcessOptions(state.options.value()),
    modules,
    eventSetupModules,
    paths,
    endPaths,
    unscheduledModules,
    processAccelerators,
    services,
    switchProducers,
  };
}

/** A module's ParameterSet as Python's insertInto writes it: the `@module_*` strings first, then its own. */
export function describeModule(label: string, module: Module): ModuleDescription {
  const parameters = new ParameterSet()
    .addParameter('@module_label', 'string', label)
    .addParameter('@module_type', 'string', module.type_())
    .addParameter('@module_edm_type', 'string', module.edmType_());
  for (const [name, parameter] of module.parameters_().entries()) parameters.insert(name, parameter);
  return { label, type: module.type_(), edmType: module.edmType_(), parameters };
}

interface ScheduledSequence {
  readonly name: string;
  readonly sequence: ModuleSequenceLike;
  readonly isEndPath: boolean;
}

function scheduledSequences(state: ProcessStateFields, labelOf: Map<object, string>): ScheduledSequence[] {
  if (state.schedule !== undefined) {
    return state.schedule.paths_().map((path) => {
      const name = labelOf.get(path);
      if (name === undefined) {
        throw pythonError(
          'RuntimeError',
          `The ${componentKindOf(path)} ${path.label_() ?? '(unlabelled)'} in the Schedule is not attached to the process; assign it to a process attribute first.`,
        );
      }
      return { name, sequence: path, isEndPath: componentKindOf(path) === 'EndPath' };
    });
  }
  const result: ScheduledSequence[] = [];
  for (const kind of ['Path', 'EndPath'] as const) {
    for (const [name, component] of state.labels) {
      if (componentKindOf(component) === kind)
        result.push({ name, sequence: component as unknown as ModuleSequenceLike, isEndPath: kind === 'EndPath' });
    }
  }
  return result;
}

interface FlattenContext {
  readonly name: string;
  readonly state: ProcessStateFields;
  readonly labelOf: Map<object, string>;
  readonly entries: PathEntryDescription[];
  readonly tasks: Task[];
  readonly visiting: Set<object>;
}

function flatten(sequence: ModuleSequenceLike, operator: PathOperator, context: FlattenContext): void {
  if (context.visiting.has(sequence)) {
    throw pythonError(
      'RuntimeError',
      `The Sequence ${sequence.label_() ?? ''} contains itself (path "${context.name}").`,
    );
  }
  context.visiting.add(sequence);
  context.tasks.push(...sequence.tasks_());
  for (const item of sequence.items_()) flattenItem(item, operator, context);
  context.visiting.delete(sequence);
}

function flattenItem(item: SequenceItem, operator: PathOperator, context: FlattenContext): void {
  const kind = componentKindOf(item);
  if (kind === 'Sequence') flatten(item as Sequence, operator, context);
  else if (kind === 'PathOperation') {
    const operation = item as PathOperation;
    const combined = combineOperators(operator, operation.operator, context.name);
    if (componentKindOf(operation.item) === 'Sequence') flatten(operation.item as Sequence, combined, context);
    else flattenItem(operation.item, combined, context);
  } else {
    const label = moduleLabel(item as Module, context.state, context.labelOf, `path "${context.name}"`);
    context.entries.push({ label, operator });
  }
}

function combineOperators(outer: PathOperator, inner: PathOperator, path: string): PathOperator {
  if (outer === 'normal' || outer === inner) return inner;
  if (inner === 'normal') return outer;
  const pair = new Set([outer, inner]);
  if (pair.has('veto')) {
    throw pythonError(
      'TypeError',
      `Path "${path}" applies cms.veto and cms.${outer === 'veto' ? inner : outer} to the same module.`,
    );
  }
  return 'waitAndIgnore';
}

/** The label under which the process holds a module; CMSSW's 8009 when the label is not the process's. */
function moduleLabel(module: Module, state: ProcessStateFields, labelOf: Map<object, string>, where: string): string {
  const label = labelOf.get(module) ?? (module.hasLabel_() ? module.label_() : undefined);
  if (label === undefined) {
    throw pythonError(
      'RuntimeError',
      `A module of type '${module.type_()}' in ${where} has no label.  Perhaps it wasn't inserted into the process?`,
    );
  }
  const held = state.labels.get(label);
  const isEventModule = isModule(held) && isEventModuleType(held.edmType_());
  if (held === undefined || !(isEventModule || isSwitchProducer(held))) {
    throw new FrameworkError(
      'Configuration',
      `The unknown module label "${label}" appears in ${where}\n please check spelling or remove that label from the ${where.split(' ')[0]}.`,
    );
  }
  return label;
}

function collectTaskModules(
  tasks: readonly Task[],
  state: ProcessStateFields,
  labelOf: Map<object, string>,
  labels: Set<string>,
  seen: Set<Task>,
): void {
  for (const task of tasks) {
    if (seen.has(task)) continue;
    seen.add(task);
    for (const item of task.items_()) {
      if (componentKindOf(item) === 'Task') collectTaskModules([item as Task], state, labelOf, labels, seen);
      else if (isEventModuleType((item as Module).edmType_())) {
        const where = `task "${labelOf.get(task) ?? task.label_() ?? '(unlabelled)'}"`;
        labels.add(moduleLabel(item as Module, state, labelOf, where));
      }
    }
  }
}
