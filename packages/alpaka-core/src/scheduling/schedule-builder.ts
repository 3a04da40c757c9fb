import type { ModuleDescription, ProcessDescription } from '../configuration/process-description';
import { convertException } from '../errors/convert-exception';
import { FrameworkError } from '../errors/framework-error';
import type { ModuleProductAccess } from '../event/event';
import { type ProductDescription, ProductRegistry } from '../event/product-registry';
import { TriggerResults } from '../event/trigger-results';
import type { EDGetToken } from '../modules/ed-get-token';
import type { ModuleRegistry } from '../modules/module-registry';
import { friendlyProductTypeName } from '../modules/product-type';
import type { OutputModule } from '../output/output-module';
import { ProductSelectorRules } from '../output/product-selector-rules';
import { validateModuleParameters } from '../parameter-set/configuration-descriptions';
import { InputTag } from '../parameter-set/input-tag';
import type { InputSource } from '../sources/input-source';
import { type ConstructedModule, constructModule } from './module-construction';
import { checkModuleOrderOnPaths } from './module-order-check';
import { addSourceTransforms, type SourceTransform } from './source-transforms';
import { checkUnscheduledCycles } from './unscheduled-cycle-check';

/**
 * Who puts the product of a slot: a module, one of its transforms (index), a transform of a source product
 * (no module: the index in `sourceTransforms`), or the source/framework (no SlotProducer).
 */
export interface SlotProducer {
  readonly module: ConstructedModule | undefined;
  /** -1: the module itself; else the transform's index (the module's, or the schedule's source transforms). */
  readonly transform: number;
}

/** Everything the streams are built from: constructed modules, the product registry, resolved dependencies. */
export interface Schedule {
  readonly modules: readonly ConstructedModule[];
  readonly byLabel: ReadonlyMap<string, ConstructedModule>;
  readonly registry: ProductRegistry;
  readonly source: InputSource | undefined;
  readonly sourceAccess: ModuleProductAccess | undefined;
  readonly slotProducers: readonly (SlotProducer | undefined)[];
  readonly triggerResultsSlot: number;
  /** Per output module label: the products its outputCommands keep. */
  readonly outputSelections: ReadonlyMap<string, readonly ProductDescription[]>;
  /** The transforms of source products consumers asked for (never written by output modules). */
  readonly sourceTransforms: readonly SourceTransform[];
}

/**
 * Builds the schedule once, before the first event (CMSSW's Schedule and ProductRegistry construction):
 * checks path labels, constructs the scheduled modules and the unscheduled ones something consumes (the
 * others never are), registers every product, resolves every consumes token to slots, and refuses a consumes
 * cycle among unscheduled modules.
 */
export async function buildSchedule(
  description: ProcessDescription,
  moduleRegistry: ModuleRegistry,
  numberOfStreams: number,
): Promise<Schedule> {
  checkPathLabels(description);
  const processName = description.name;
  const scheduledLabels = new Set<string>();
  for (const path of [...description.paths, ...description.endPaths]) {
    for (const entry of path.entries) scheduledLabels.add(entry.label);
  }
  const unscheduledLabels = new Set(description.unscheduledModules.filter((label) => !scheduledLabels.has(label)));
  const byLabel = new Map<string, ConstructedModule>();
  const pending: ConstructedModule[] = [];
  for (const [label, module] of description.modules) {
    if (!scheduledLabels.has(label)) continue;
    const constructed = await constructModule(module, moduleRegistry, numberOfStreams, false);
    byLabel.set(label, constructed);
    pending.push(constructed);
  }
  const outputRules = new Map<string, ProductSelectorRules>();
  for (const module of pending) {
    if (module.kind !== 'output') continue;
    const output = module.instances[0] as OutputModule;
    outputRules.set(
      module.description.label,
      new ProductSelectorRules(output.outputCommands, 'outputCommands', module.description.label),
    );
  }
  // Unscheduled modules are constructed only when a constructed module may read one of their products.
  const wanted = (label: string) => unscheduledLabels.has(label) && !byLabel.has(label);
  const constructUnscheduled = async (label: string) => {
    const module = description.modules.get(label) as ModuleDescription;
    const constructed = await constructModule(module, moduleRegistry, numberOfStreams, true);
    byLabel.set(label, constructed);
    pending.push(constructed);
  };
  for (const label of unscheduledLabels) {
    if (!description.modules.has(label)) throw unknownTaskLabel(label);
    if ([...outputRules.values()].some((rules) => rules.mayKeepLabel(label))) await constructUnscheduled(label);
  }
  for (let index = 0; index < pending.length; index++) {
    const module = pending[index] as ConstructedModule;
    for (const token of module.registrations[0]?.consumes ?? []) {
      const process = token.tag.process;
      const current = process === '' || process === processName || process === InputTag.currentProcess;
      if (current && wanted(token.tag.label)) await constructUnscheduled(token.tag.label);
    }
  }
  const modules = [...description.modules.keys()].flatMap((label) => byLabel.get(label) ?? []);

  let source: InputSource | undefined;
  if (description.source !== undefined) source = await constructSource(description.source, moduleRegistry);

  const registry = new ProductRegistry(processName);
  const slotProducers: (SlotProducer | undefined)[] = [];
  const sourcePutSlots: number[] = [];
  for (const declaration of source?.declarations ?? []) {
    const process = declaration.process === '' ? processName : declaration.process;
    const added = registry.add(
      declaration.token.productType,
      declaration.label,
      declaration.token.instance,
      process,
      'source',
    );
    sourcePutSlots.push(added.slot);
    slotProducers[added.slot] = undefined;
  }
  for (const module of modules) {
    const registrations = module.registrations[0];
    if (registrations === undefined) continue;
    const label = module.description.label;
    module.putSlots = Int32Array.from(registrations.produces, (token) => {
      const added = registry.add(token.productType, label, token.instance, processName, label);
      slotProducers[added.slot] = { module, transform: -1 };
      return added.slot;
    });
    module.transformSlots = Int32Array.from(registrations.transforms, (transform, index) => {
      const added = registry.add(transform.result.productType, label, transform.result.instance, processName, label);
      slotProducers[added.slot] = { module, transform: index };
      return added.slot;
    });
  }
  let triggerResultsSlot = -1;
  if (description.paths.length > 0) {
    triggerResultsSlot = registry.add(TriggerResults, 'TriggerResults', '', processName, 'TriggerResults').slot;
  }
  const outputSelections = new Map<string, readonly ProductDescription[]>();
  for (const [label, rules] of outputRules) {
    outputSelections.set(
      label,
      registry.descriptions.filter((product) =>
        rules.select({
          friendlyTypeName: friendlyProductTypeName(product.productType),
          label: product.label,
          instance: product.instance,
          process: product.process,
        }),
      ),
    );
  }
  const sourceTransforms = addSourceTransforms(registry, modules, slotProducers);
  const sourceAccess: ModuleProductAccess | undefined =
    source === undefined
      ? undefined
      : {
          moduleLabel: 'source',
          registry,
          consumes: [],
          getSlots: new Int32Array(0),
          fallbackSlots: [],
          produces: source.declarations.map((declaration) => declaration.token),
          putSlots: Int32Array.from(sourcePutSlots),
        };
  const schedule = {
    modules,
    byLabel,
    registry,
    source,
    sourceAccess,
    slotProducers,
    triggerResultsSlot,
    outputSelections,
    sourceTransforms,
  };
  const producersOf = (module: ConstructedModule) =>
    producersConsumedBy(schedule, module).flatMap((producer) => producer.module ?? []);
  checkUnscheduledCycles(modules, producersOf);
  checkModuleOrderOnPaths(description, byLabel, producersOf);
  return schedule;
}

/** The slots a module's consumes tokens read, resolved once (CMSSW's ProductResolverIndex per token). */
export function productAccess(schedule: Schedule, module: ConstructedModule, instance: number): ModuleProductAccess {
  const registrations = module.registrations[instance] ?? module.registrations[0];
  const consumes: readonly EDGetToken[] = registrations?.consumes ?? [];
  const getSlots = new Int32Array(consumes.length).fill(-1);
  const fallbackSlots: (readonly number[] | undefined)[] = [];
  consumes.forEach((token, index) => {
    const slots = schedule.registry.resolve(token.productType, token.tag);
    getSlots[index] = slots[0] ?? -1;
    fallbackSlots.push(slots.length > 1 ? slots.slice(1) : undefined);
  });
  return {
    moduleLabel: module.description.label,
    registry: schedule.registry,
    consumes,
    getSlots,
    fallbackSlots,
    produces: registrations?.produces ?? [],
    putSlots: module.putSlots,
  };
}

/** The producers (module or transform) whose products a module reads: what it prefetches or waits for. */
export function producersConsumedBy(schedule: Schedule, module: ConstructedModule): SlotProducer[] {
  const slots = new Set<number>();
  for (const token of module.registrations[0]?.consumes ?? []) {
    for (const slot of schedule.registry.resolve(token.productType, token.tag)) slots.add(slot);
  }
  for (const product of schedule.outputSelections.get(module.description.label) ?? []) slots.add(product.slot);
  const producers: SlotProducer[] = [];
  for (const slot of slots) {
    const producer = schedule.slotProducers[slot];
    if (producer === undefined || (producer.module === module && producer.transform < 0)) continue;
    if (!producers.some((other) => other.module === producer.module && other.transform === producer.transform)) {
      producers.push(producer);
    }
  }
  return producers;
}

function checkPathLabels(description: ProcessDescription): void {
  for (const path of [...description.paths, ...description.endPaths]) {
    for (const entry of path.entries) {
      if (!description.modules.has(entry.label)) {
        throw new FrameworkError(
          'Configuration',
          `The unknown module label "${entry.label}" appears in path "${path.name}"\n please check spelling or remove that label from the path.`,
        );
      }
    }
  }
}

function unknownTaskLabel(label: string): FrameworkError {
  return new FrameworkError(
    'Configuration',
    `The unknown module label "${label}" appears in a Task\n please check spelling or remove that label from the Task.`,
  );
}

async function constructSource(description: ModuleDescription, moduleRegistry: ModuleRegistry): Promise<InputSource> {
  const sourceClass = await moduleRegistry.resolve(description.type);
  validateModuleParameters(sourceClass, description.type, description.label || 'source', description.parameters);
  if (sourceClass.edmType !== 'Source') {
    throw new FrameworkError(
      'Configuration',
      `The source type ${description.type} is a ${sourceClass.edmType}, not a Source.`,
    );
  }
  try {
    return new sourceClass(description.parameters) as InputSource;
  } catch (thrown) {
    throw convertException(thrown).addContext(`Constructing input source of type ${description.type}`);
  }
}
