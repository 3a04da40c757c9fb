import { EventRange } from '../event/event-range';
import { LuminosityBlockRange } from '../event/luminosity-block-range';
import { ESInputTag } from '../parameter-set/es-input-tag';
import { InputTag } from '../parameter-set/input-tag';
import { ParameterSet } from '../parameter-set/parameter-set';
import type { Parameter, ParameterTypeName } from '../parameter-set/parameter-type';
import type { ModuleDescription, PathDescription, ProcessDescription } from './process-description';

/**
 * A description made by another copy of this package (a configuration importing its own install, or jiti's
 * module instance of the sources) rebuilt with this copy's classes, so that the framework's `instanceof`
 * checks (InputTag, ParameterSet) hold. A description of this copy is returned as it is.
 */
export function adoptDescription(description: ProcessDescription): ProcessDescription {
  if (isOwn(description)) return description;
  const modules = new Map<string, ModuleDescription>();
  for (const [label, module] of description.modules) modules.set(label, adoptModule(module));
  return {
    name: description.name,
    source: description.source === undefined ? undefined : adoptModule(description.source),
    maxEvents: { input: description.maxEvents.input },
    options: { ...description.options, parameters: adoptParameterSet(description.options.parameters) },
    modules,
    eventSetupModules: description.eventSetupModules.map(adoptModule),
    paths: description.paths.map(adoptPath),
    endPaths: description.endPaths.map(adoptPath),
    unscheduledModules: [...description.unscheduledModules],
    // Accelerators are used through their methods only, so another copy's objects serve as they are.
    processAccelerators: [...(description.processAccelerators ?? [])],
    services: (description.services ?? []).map(adoptModule),
    switchProducers: (description.switchProducers ?? []).map((switchProducer) => ({
      ...switchProducer,
      cases: switchProducer.cases.map((switchCase) => ({ ...switchCase, module: adoptModule(switchCase.module) })),
    })),
  };
}

function isOwn(description: ProcessDescription): boolean {
  return description.options.parameters instanceof ParameterSet;
}

function adoptModule(module: ModuleDescription): ModuleDescription {
  return { ...module, parameters: adoptParameterSet(module.parameters) };
}

function adoptPath(path: PathDescription): PathDescription {
  return { name: path.name, entries: path.entries.map((entry) => ({ ...entry })) };
}

/** A ParameterSet of any copy rebuilt with this copy's classes, deep. */
export function adoptParameterSet(set: ParameterSet): ParameterSet {
  if (set instanceof ParameterSet && !containsForeign(set)) return set;
  const adopted = new ParameterSet();
  for (const [name, entry] of set.entries()) {
    adopted.insert(name, { type: entry.type, tracked: entry.tracked, value: adoptValue(entry.type, entry.value) });
  }
  return adopted;
}

function containsForeign(set: ParameterSet): boolean {
  for (const [, entry] of set.entries()) {
    if (entry.type === 'PSet' && !(entry.value instanceof ParameterSet)) return true;
  }
  return false;
}

function adoptValue(type: ParameterTypeName, value: Parameter['value']): Parameter['value'] {
  switch (type) {
    case 'PSet':
      return adoptParameterSet(value as ParameterSet);
    case 'VPSet':
      return (value as readonly ParameterSet[]).map(adoptParameterSet);
    case 'InputTag':
      return adoptInputTag(value as InputTag);
    case 'VInputTag':
      return (value as readonly InputTag[]).map(adoptInputTag);
    case 'ESInputTag':
      return adoptESInputTag(value as ESInputTag);
    case 'VESInputTag':
      return (value as readonly ESInputTag[]).map(adoptESInputTag);
    case 'EventRange':
      return adoptEventRange(value as EventRange);
    case 'VEventRange':
      return (value as readonly EventRange[]).map(adoptEventRange);
    case 'LuminosityBlockRange':
      return adoptLuminosityBlockRange(value as LuminosityBlockRange);
    case 'VLuminosityBlockRange':
      return (value as readonly LuminosityBlockRange[]).map(adoptLuminosityBlockRange);
    default:
      return value;
  }
}

// Tags of another copy fail `instanceof`, hence the structural parameter types.
function adoptInputTag(tag: { readonly label: string; readonly instance: string; readonly process: string }): InputTag {
  return tag instanceof InputTag ? tag : new InputTag(tag.label, tag.instance, tag.process);
}

function adoptESInputTag(tag: { readonly module: string; readonly data: string }): ESInputTag {
  return tag instanceof ESInputTag ? tag : new ESInputTag(tag.module, tag.data);
}

// Ranges of another copy: structurally the same, so their own encode() gives the text to parse.
function adoptEventRange(range: { encode(): string }): EventRange {
  return range instanceof EventRange ? range : EventRange.parse(range.encode());
}

function adoptLuminosityBlockRange(range: { encode(): string }): LuminosityBlockRange {
  return range instanceof LuminosityBlockRange ? range : LuminosityBlockRange.parse(range.encode());
}
