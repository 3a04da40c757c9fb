// Builds ProcessDescriptions directly (the cms builders are another helper's), plus the int products and
// trivial modules several tests share.
import type {
  ModuleDescription,
  ModuleEdmType,
  PathEntryDescription,
  PathOperator,
  ProcessDescription,
} from '../../src/configuration/process-description';
import type { ModuleClass } from '../../src/modules/module-class';
import { ModuleRegistry } from '../../src/modules/module-registry';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ActivityRegistry } from '../../src/scheduling/activity-registry';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import type { EventProcessor, EventProcessorOptions } from '../../src/scheduling/event-processor-contract';
import { registerBuiltInModules } from '../../src/sources/built-in-modules';

export interface ModuleSpec {
  readonly type: string;
  readonly edmType?: ModuleEdmType;
  readonly parameters?: (parameters: ParameterSet) => void;
}

export interface ProcessSpec {
  readonly name?: string;
  readonly source?: ModuleSpec | null;
  readonly maxEvents?: number;
  readonly numberOfThreads?: number;
  readonly numberOfStreams?: number;
  readonly modules?: Record<string, ModuleSpec>;
  /** Path entries with CMSSW's Python prefixes: `!f` veto, `-f` ignore, `|m` wait, `+m` wait and ignore. */
  readonly paths?: Record<string, readonly string[]>;
  readonly endPaths?: Record<string, readonly string[]>;
  readonly tasks?: readonly string[];
  readonly exceptionActions?: Partial<
    Record<'tryToContinue' | 'skipEvent' | 'failPath' | 'ignoreCompletely' | 'rethrow', string[]>
  >;
}

const operators: Record<string, PathOperator> = { '!': 'veto', '-': 'ignore', '|': 'wait', '+': 'waitAndIgnore' };

function entry(text: string): PathEntryDescription {
  const operator = operators[text[0] as string];
  return operator === undefined ? { label: text, operator: 'normal' } : { label: text.slice(1), operator };
}

function moduleDescription(label: string, spec: ModuleSpec, defaultEdmType: ModuleEdmType): ModuleDescription {
  const edmType = spec.edmType ?? defaultEdmType;
  const parameters = new ParameterSet();
  spec.parameters?.(parameters);
  parameters.addParameter('@module_label', 'string', label);
  parameters.addParameter('@module_type', 'string', spec.type);
  parameters.addParameter('@module_edm_type', 'string', edmType);
  return { label, type: spec.type, edmType, parameters };
}

export function makeProcess(spec: ProcessSpec): ProcessDescription {
  const modules = new Map<string, ModuleDescription>();
  for (const [label, module] of Object.entries(spec.modules ?? {})) {
    modules.set(label, moduleDescription(label, module, 'EDProducer'));
  }
  const optionsPSet = new ParameterSet();
  return {
    name: spec.name ?? 'TEST',
    source:
      spec.source === null ? undefined : moduleDescription('source', spec.source ?? { type: 'EmptySource' }, 'Source'),
    maxEvents: { input: spec.maxEvents ?? -1 },
    options: {
      numberOfThreads: spec.numberOfThreads ?? 1,
      numberOfStreams: spec.numberOfStreams ?? 0,
      accelerators: ['*'],
      wantSummary: false,
      exceptionActions: {
        tryToContinue: spec.exceptionActions?.tryToContinue ?? [],
        skipEvent: spec.exceptionActions?.skipEvent ?? [],
        failPath: spec.exceptionActions?.failPath ?? [],
        ignoreCompletely: spec.exceptionActions?.ignoreCompletely ?? [],
        rethrow: spec.exceptionActions?.rethrow ?? [],
      },
      parameters: optionsPSet,
    },
    modules,
    eventSetupModules: [],
    paths: Object.entries(spec.paths ?? {}).map(([name, entries]) => ({ name, entries: entries.map(entry) })),
    endPaths: Object.entries(spec.endPaths ?? {}).map(([name, entries]) => ({ name, entries: entries.map(entry) })),
    unscheduledModules: [...(spec.tasks ?? [])],
    processAccelerators: [],
  };
}

/** A registry with the built-in modules and these classes. */
export function makeRegistry(...classes: unknown[]): ModuleRegistry {
  const registry = registerBuiltInModules(new ModuleRegistry());
  for (const moduleClass of classes) registry.register(moduleClass as ModuleClass);
  return registry;
}

/** beginJob, run (all events), endJob; returns the processor (for its TriggerReport). */
export async function runProcess(
  description: ProcessDescription,
  registry: ModuleRegistry,
  options: Partial<EventProcessorOptions> = {},
): Promise<EventProcessor> {
  const processor = await createEventProcessor(description, {
    registry,
    activityRegistry: options.activityRegistry ?? new ActivityRegistry(),
    ...options,
  });
  await processor.beginJob();
  try {
    await processor.run();
  } finally {
    await processor.endJob();
  }
  return processor;
}
