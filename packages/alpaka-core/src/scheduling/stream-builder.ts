import type { PathDescription, ProcessDescription } from '../configuration/process-description';
import { FrameworkError } from '../errors/framework-error';
import { Event } from '../event/event';
import { EventPrincipal } from '../event/event-principal';
import type { EventSetupProvider } from '../event-setup/event-setup-provider';
import type { SourceTransformRegistration } from '../modules/ed-consumer-base';
import type { OutputModule } from '../output/output-module';
import { OutputModuleWorker, type SelectedPath } from '../output/output-module-worker';
import { globToRegExp } from '../output/product-selector-rules';
import type { ActivityRegistry } from './activity-registry';
import type { ExceptionToActionTable } from './exception-to-action-table';
import type { ConstructedModule } from './module-construction';
import { ModuleWorker } from './module-worker';
import { createNoEventSetupProvider } from './no-event-setup-provider';
import { type PathEntry, PathRunner } from './path-runner';
import { producersConsumedBy, productAccess, type Schedule } from './schedule-builder';
import { type EventCounts, StreamSchedule } from './stream-schedule';
import { type TransformCall, TransformWorker } from './transform-worker';
import type { Worker } from './worker';

/** A stream with its workers, by module (the module's own worker; transforms apart). */
export interface BuiltStream {
  readonly stream: StreamSchedule;
  readonly moduleWorkers: ReadonlyMap<ConstructedModule, Worker>;
}

/** Builds one EDM stream: a worker per module (and transform), their dependencies, its paths and end paths. */
export function buildStream(
  streamID: number,
  schedule: Schedule,
  description: ProcessDescription,
  activity: ActivityRegistry,
  actions: ExceptionToActionTable,
  provider: EventSetupProvider,
  counts: EventCounts,
): BuiltStream {
  const principal = new EventPrincipal(streamID, schedule.registry.size);
  // Until its first event a stream has no EventSetup of its own (asking the provider for event 0 could fail).
  const initialEventSetup = createNoEventSetupProvider().eventSetupFor({ eventID: principal.eventID, time: 0n });
  const stream = new StreamSchedule(streamID, principal, activity, actions, provider, initialEventSetup, counts);
  const moduleWorkers = new Map<ConstructedModule, Worker>();
  const transformWorkers = new Map<ConstructedModule, TransformWorker[]>();
  for (const module of schedule.modules) {
    const instanceIndex = module.concurrency === 'stream' ? streamID : 0;
    const instance = module.instances[instanceIndex] as object;
    const { label, type } = module.description;
    let worker: Worker;
    if (module.kind === 'output') {
      worker = new OutputModuleWorker(
        label,
        type,
        stream,
        instance as OutputModule,
        schedule.outputSelections.get(label) ?? [],
      );
    } else {
      const event = new Event(principal, productAccess(schedule, module, instanceIndex));
      worker = new ModuleWorker(label, type, stream, instance, event, module.kind, {
        externalWork: module.externalWork,
        passStreamID: module.concurrency === 'global',
      });
    }
    worker.esTokens = (module.registrations[instanceIndex]?.esConsumes ?? []).filter(
      (token) => token.transition === 'Event',
    );
    worker.lock = module.lock;
    moduleWorkers.set(module, worker);
    const transforms = (module.registrations[instanceIndex]?.transforms ?? []).map(
      (registration, index) =>
        new TransformWorker(
          label,
          type,
          stream,
          registration,
          module.putSlots[registration.source.index] as number,
          module.transformSlots[index] as number,
        ),
    );
    for (const transform of transforms) {
      transform.lock = module.lock;
      if (module.unscheduled) transform.prefetchWorkers.push(worker);
      else transform.waitForWorkers.push(worker);
    }
    transformWorkers.set(module, transforms);
  }
  // A source transform belongs to the module that offered it: that module's instance of this stream runs it,
  // under the module's lock, and its failures and time are the module's.
  const sourceTransformWorkers = schedule.sourceTransforms.map((transform) => {
    const { module } = transform;
    const instanceIndex = module.concurrency === 'stream' ? streamID : 0;
    const registrations = module.registrations[instanceIndex] ?? module.registrations[0];
    const registration = registrations?.sourceTransforms[transform.offer];
    if (registration === undefined) throw new Error('internal error: a source transform lost its offer');
    const worker = new TransformWorker(
      module.description.label,
      module.description.type,
      stream,
      sourceTransformCall(registration, transform.branchName, principal),
      transform.sourceSlot,
      transform.resultSlot,
    );
    worker.lock = module.lock;
    return worker;
  });
  for (const module of schedule.modules) {
    const worker = moduleWorkers.get(module) as Worker;
    for (const producer of producersConsumedBy(schedule, module)) {
      if (producer.module === undefined) {
        worker.prefetchWorkers.push(sourceTransformWorkers[producer.transform] as Worker);
      } else if (producer.transform >= 0) {
        worker.prefetchWorkers.push(transformWorkers.get(producer.module)?.[producer.transform] as Worker);
      } else if (producer.module.unscheduled) worker.prefetchWorkers.push(moduleWorkers.get(producer.module) as Worker);
      else worker.waitForWorkers.push(moduleWorkers.get(producer.module) as Worker);
    }
  }
  const makePath = (path: PathDescription, bit: number, isEndPath: boolean) =>
    new PathRunner(
      path.name,
      bit,
      path.entries.map((entry): PathEntry => {
        const module = schedule.byLabel.get(entry.label) as ConstructedModule;
        const ignored = entry.operator === 'ignore' || entry.operator === 'waitAndIgnore';
        if (isEndPath && streamID === 0 && module.kind === 'filter' && !ignored) warnFilterOnEndPath(module, path.name);
        return {
          worker: moduleWorkers.get(module) as Worker,
          operator: entry.operator,
          resultMatters: module.kind === 'filter' && !ignored && !isEndPath,
          veto: entry.operator === 'veto',
        };
      }),
      stream,
    );
  stream.paths = description.paths.map((path, bit) => makePath(path, bit, false));
  stream.endPaths = description.endPaths.map((path, index) => makePath(path, description.paths.length + index, true));
  stream.pathNames = description.paths.map((path) => path.name);
  stream.triggerResultsSlot = schedule.triggerResultsSlot;
  stream.workers = [...moduleWorkers.values(), ...[...transformWorkers.values()].flat(), ...sourceTransformWorkers];
  for (const [module, worker] of moduleWorkers) {
    if (worker instanceof OutputModuleWorker) worker.selectedPaths = selectPaths(module, stream.paths);
  }
  stream.source = schedule.source;
  if (schedule.sourceAccess !== undefined) stream.sourceEvent = new Event(principal, schedule.sourceAccess);
  return { stream, moduleWorkers };
}

/** The transform call of a source transform in one stream: the registration's, given the stream's context. */
function sourceTransformCall(
  registration: SourceTransformRegistration,
  branchName: string,
  principal: EventPrincipal,
): TransformCall {
  const endOfEventWork = principal.endOfEventWork;
  return {
    transform: (product, streamID) => registration.transform(product, { streamID, endOfEventWork, branchName }),
    pre: undefined,
    post: undefined,
  };
}

function selectPaths(module: ConstructedModule, paths: readonly PathRunner[]): SelectedPath[] {
  const selected: SelectedPath[] = [];
  for (const pattern of (module.instances[0] as OutputModule).selectEvents) {
    const negated = pattern.startsWith('!');
    const expression = globToRegExp(negated ? pattern.slice(1) : pattern);
    const matching = paths.filter((path) => expression.test(path.name));
    if (matching.length === 0) {
      throw new FrameworkError(
        'Configuration',
        `EventSelector::init, An OutputModule is using SelectEvents\nto request a trigger name that does not exist\nThe unknown trigger name is: ${pattern}\n`,
      ).addContext(`Constructing module: class=${module.description.type} label='${module.description.label}'`);
    }
    for (const path of matching) selected.push({ path, negated });
  }
  return selected;
}

function warnFilterOnEndPath(module: ConstructedModule, pathName: string): void {
  console.warn(
    `%MSG-w FilterOnEndPath: \nThe EDFilter '${module.description.type}' with module label '${module.description.label}' appears on EndPath '${pathName}'.\n` +
      'The return value of the filter will be ignored.\n' +
      'To suppress this warning, either remove the filter from the endpath,\n' +
      'or explicitly ignore it in the configuration by using cms.ignore().\n%MSG',
  );
}
