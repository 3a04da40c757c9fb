import type { ModuleDescription } from '../configuration/process-description';
import { convertException } from '../errors/convert-exception';
import { FrameworkError } from '../errors/framework-error';
import { type ModuleRegistrations, registrationsOf } from '../modules/ed-consumer-base';
import { frameworkMethodOf } from '../modules/framework-methods';
import type { ModuleClassTraits, ModuleConcurrency } from '../modules/module-abilities';
import type { ModuleClass } from '../modules/module-class';
import type { ModuleRegistry } from '../modules/module-registry';
import { validateModuleParameters } from '../parameter-set/configuration-descriptions';
import { OneModuleLock } from './one-module-lock';

/** What a module's worker calls per event. */
export type ModuleKind = 'produce' | 'filter' | 'analyze' | 'output';

/** A module of the job once constructed: its instances (one per stream for stream modules) and declarations. */
export interface ConstructedModule {
  readonly description: ModuleDescription;
  readonly moduleClass: ModuleClass & ModuleClassTraits;
  readonly concurrency: ModuleConcurrency;
  readonly kind: ModuleKind;
  readonly externalWork: boolean;
  readonly instances: readonly object[];
  readonly registrations: readonly ModuleRegistrations[];
  readonly unscheduled: boolean;
  readonly lock: OneModuleLock | undefined;
  /** Product slot of each produces index, then of each transform (filled when the registry is built). */
  putSlots: Int32Array;
  transformSlots: Int32Array;
  beganJob: boolean;
  beganStreams: boolean[];
}

const kindOfEdmType: Partial<Record<string, ModuleKind>> = {
  EDProducer: 'produce',
  EDFilter: 'filter',
  EDAnalyzer: 'analyze',
  OutputModule: 'output',
};

/**
 * CMSSW's Maker: resolves the type, validates the parameters (defaults inserted), checks the base type, and
 * constructs the module (numberOfStreams times for a stream module), with CMSSW's construction context.
 */
/** The method each kind of module implements. */
const methodOfKind: Record<ModuleKind, string> = {
  produce: 'produce',
  filter: 'filter',
  analyze: 'analyze',
  output: 'write',
};

export async function constructModule(
  description: ModuleDescription,
  registry: ModuleRegistry,
  numberOfStreams: number,
  unscheduled: boolean,
): Promise<ConstructedModule> {
  const moduleClass = (await registry.resolve(description.type)) as ModuleClass & ModuleClassTraits;
  validateModuleParameters(moduleClass, description.type, description.label, description.parameters);
  if (moduleClass.edmType !== description.edmType) {
    throw new FrameworkError(
      'Configuration',
      `The base type in the python configuration is ${description.edmType}, but the base type for the module's C++ class is ${moduleClass.edmType}. Please fix the configuration.`,
    ).addContext(`Constructing module: class=${description.type} label='${description.label}'`);
  }
  const kind = kindOfEdmType[moduleClass.edmType];
  if (kind === undefined) {
    throw new FrameworkError(
      'Configuration',
      `The module '${description.label}' of type ${description.type} is a ${moduleClass.edmType}, which cannot be on a Path, an EndPath or a Task.`,
    );
  }
  const concurrency: ModuleConcurrency = moduleClass.moduleConcurrency ?? 'one';
  const count = concurrency === 'stream' ? numberOfStreams : 1;
  const instances: object[] = [];
  const registrations: ModuleRegistrations[] = [];
  for (let stream = 0; stream < count; stream++) {
    try {
      const instance = new moduleClass(description.parameters);
      registrations.push(registrationsOf(instance));
      instances.push(instance);
    } catch (thrown) {
      throw convertException(thrown).addContext(
        `Constructing module: class=${description.type} label='${description.label}'`,
      );
    }
  }
  const externalWork = moduleClass.externalWork === true;
  // TypeScript checks these for a typed module; a JavaScript one (or a cast) is refused here, not at its first event.
  const method = methodOfKind[kind];
  const first = instances[0] as object;
  const callable =
    kind === 'output'
      ? typeof (first as Record<string, unknown>)[method] === 'function'
      : frameworkMethodOf(first, method) !== undefined;
  if (!callable) {
    throw new FrameworkError(
      'LogicError',
      `Module ${description.type}/'${description.label}' is a ${moduleClass.edmType} without a ${method}() method: ` +
        `implement ${method}() in its class.`,
    ).addContext(`Constructing module: class=${description.type} label='${description.label}'`);
  }
  if (externalWork && frameworkMethodOf(first, 'acquire') === undefined) {
    throw new FrameworkError(
      'LogicError',
      `Module ${description.type}/'${description.label}' has the ExternalWork ability but no acquire method.`,
    ).addContext(`Constructing module: class=${description.type} label='${description.label}'`);
  }
  return {
    description,
    moduleClass,
    concurrency,
    kind,
    externalWork,
    instances,
    registrations,
    unscheduled,
    lock: concurrency === 'one' ? new OneModuleLock() : undefined,
    putSlots: new Int32Array(0),
    transformSlots: new Int32Array(0),
    beganJob: false,
    beganStreams: [],
  };
}
