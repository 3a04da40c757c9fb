import type { EventRange } from '../event/event-range';
import type { LuminosityBlockRange } from '../event/luminosity-block-range';
import type { ESInputTag } from '../parameter-set/es-input-tag';
import type { InputTag } from '../parameter-set/input-tag';
import type { ParameterSet } from '../parameter-set/parameter-set';
import type { Parameter } from '../parameter-set/parameter-type';
import type {
  ModuleDescription,
  PathDescription,
  PathEntryDescription,
  ProcessDescription,
} from './process-description';
import type { SwitchProducerDescription } from './switch-producer';

export interface FormatConfigurationOptions {
  /** Where the written configuration imports `cms` from; default '@alpaka-ts/core'. */
  readonly importSpecifier?: string;
}

const builderOfEdmType: Readonly<Record<ModuleDescription['edmType'], string>> = {
  EDProducer: 'EDProducer',
  EDFilter: 'EDFilter',
  EDAnalyzer: 'EDAnalyzer',
  OutputModule: 'OutputModule',
  ESProducer: 'ESProducer',
  ESSource: 'ESSource',
  Source: 'Source',
  Service: 'Service',
};

/**
 * CMSSW's edmConfigDump for `alpaka-run --dump-config`: the whole process as a TypeScript configuration in
 * the `cms` builders, every parameter with its type and trackiness, options and maxEvents in full, the Paths
 * and EndPaths in schedule order with their operators, and a Task holding the unscheduled modules. Loading
 * the text back gives the same description.
 */
export function formatConfiguration(description: ProcessDescription, options: FormatConfigurationOptions = {}): string {
  const specifier = options.importSpecifier ?? '@alpaka-ts/core';
  const lines: string[] = [
    `// The configuration of process ${description.name}, fully expanded (alpaka-run --dump-config).`,
    `import { cms } from ${JSON.stringify(specifier)};`,
    '',
    `const process = cms.Process(${JSON.stringify(description.name)});`,
    '',
  ];
  const accelerators = description.processAccelerators ?? [];
  const switches = new Map(
    (description.switchProducers ?? []).map((switchProducer) => [switchProducer.label, switchProducer]),
  );
  const imports = new Set<string>();
  for (const accelerator of accelerators) {
    const { importStatement } = accelerator.dumpConfiguration('_');
    if (importStatement !== undefined) imports.add(importStatement);
  }
  for (const switchProducer of switches.values()) {
    if (switchProducer.builderName !== 'SwitchProducer')
      imports.add(`import { ${switchProducer.builderName} } from ${JSON.stringify(specifier)};`);
  }
  lines.splice(2, 0, ...imports);
  if (description.source !== undefined) lines.push(`process.source = ${formatModule(description.source)};`);
  lines.push(`process.maxEvents = cms.untracked.PSet({ input: cms.untracked.int32(${description.maxEvents.input}) });`);
  lines.push(`process.options = ${formatParameter(parameterOf(description.options.parameters, false), '')};`, '');

  accelerators.forEach((accelerator, index) => {
    const label = accelerator.label_() ?? accelerator.constructor.name;
    const variable = `processAccelerator${index}`;
    lines.push(...accelerator.dumpConfiguration(variable).statements, `${attribute(label)} = ${variable};`);
  });
  for (const service of description.services ?? [])
    lines.push(`${attribute(service.label)} = ${formatModule(service)};`);
  for (const module of description.modules.values()) {
    const switchProducer = switches.get(module.label);
    lines.push(
      `${attribute(module.label)} = ${switchProducer === undefined ? formatModule(module) : formatSwitchProducer(switchProducer)};`,
    );
  }
  for (const module of description.eventSetupModules)
    lines.push(`${attribute(module.label)} = ${formatModule(module)};`);
  if (description.modules.size + description.eventSetupModules.length > 0) lines.push('');

  const taken = new Set([
    ...description.modules.keys(),
    ...description.eventSetupModules.map((module) => module.label),
    ...description.paths.map((path) => path.name),
    ...description.endPaths.map((path) => path.name),
  ]);
  const taskLabel = description.unscheduledModules.length > 0 ? freeLabel('unscheduledTask', taken) : undefined;
  if (taskLabel !== undefined) {
    lines.push(`${attribute(taskLabel)} = cms.Task(${description.unscheduledModules.map(attribute).join(', ')});`, '');
  }
  for (const path of description.paths) lines.push(formatPath('Path', path));
  for (const path of description.endPaths) lines.push(formatPath('EndPath', path));
  const scheduled = [...description.paths, ...description.endPaths].map((path) => attribute(path.name));
  const association = taskLabel === undefined ? '' : `.associate(${attribute(taskLabel)})`;
  lines.push(
    `process.schedule = cms.Schedule(${scheduled.join(', ')})${association};`,
    '',
    'export default process;',
    '',
  );
  return lines.join('\n');
}

function parameterOf(set: ParameterSet, tracked: boolean): Parameter<'PSet'> {
  return { type: 'PSet', tracked, value: set };
}

function freeLabel(wanted: string, taken: ReadonlySet<string>): string {
  let label = wanted;
  for (let index = 1; taken.has(label); index++) label = `${wanted}${index}`;
  return label;
}

/** `process.label`, or `process['label']` for a label that is not an identifier (it may start with a digit). */
function attribute(label: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(label) ? `process.${label}` : `process[${JSON.stringify(label)}]`;
}

function formatModule(module: ModuleDescription, indent = ''): string {
  const body = formatEntries(module.parameters, indent, true);
  const type = JSON.stringify(module.type);
  return body === '{}'
    ? `cms.${builderOfEdmType[module.edmType]}(${type})`
    : `cms.${builderOfEdmType[module.edmType]}(${type}, ${body})`;
}

/**
 * `new SwitchProducerCUDA({ cpu: …, cuda: … })`. A plain cms.SwitchProducer's case functions are code, which
 * a dump cannot write back: its cases are written with the cpu function, and a comment says so.
 */
function formatSwitchProducer(switchProducer: SwitchProducerDescription): string {
  const cases = switchProducer.cases.map((c) => `  ${c.name}: ${formatModule(c.module, '  ')},`).join('\n');
  if (switchProducer.builderName !== 'SwitchProducer') return `new ${switchProducer.builderName}({\n${cases}\n})`;
  const functions = switchProducer.cases.map((c) => `${c.name}: cms.SwitchProducer.getCpu()`).join(', ');
  return `/* case functions not written back */ new cms.SwitchProducer({ ${functions} }, {\n${cases}\n})`;
}

function formatPath(kind: 'Path' | 'EndPath', path: PathDescription): string {
  return `${attribute(path.name)} = cms.${kind}(${path.entries.map(formatEntry).join(', ')});`;
}

function formatEntry(entry: PathEntryDescription): string {
  const module = attribute(entry.label);
  switch (entry.operator) {
    case 'normal':
      return module;
    case 'veto':
      return `cms.veto(${module})`;
    case 'ignore':
      return `cms.ignore(${module})`;
    case 'wait':
      return `cms.wait(${module})`;
    case 'waitAndIgnore':
      return `cms.wait(cms.ignore(${module}))`;
  }
}

/** `{ name: cms.int32(1), … }`, one entry a line; `skipModuleEntries` leaves out the `@module_*` strings. */
function formatEntries(set: ParameterSet, indent: string, skipModuleEntries = false): string {
  const inner = `${indent}  `;
  const entries: string[] = [];
  for (const [name, parameter] of set.entries()) {
    if (skipModuleEntries && name.startsWith('@module_')) continue;
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
    entries.push(`${inner}${key}: ${formatParameter(parameter, inner)},`);
  }
  return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n${indent}}`;
}

function formatParameter(parameter: Parameter, indent: string): string {
  const builder = `cms.${parameter.tracked ? '' : 'untracked.'}${parameter.type}`;
  const { type, value } = parameter;
  switch (type) {
    case 'int32':
    case 'uint32':
    case 'double':
      return `${builder}(${formatNumber(value as number)})`;
    case 'int64':
    case 'uint64':
      return `${builder}(${value as bigint}n)`;
    case 'bool':
      return `${builder}(${String(value)})`;
    case 'string':
      return `${builder}(${JSON.stringify(value)})`;
    case 'InputTag':
      return `${builder}(${formatInputTag(value as InputTag)})`;
    case 'ESInputTag': {
      const tag = value as ESInputTag;
      return `${builder}(${JSON.stringify(tag.module)}, ${JSON.stringify(tag.data)})`;
    }
    case 'PSet':
      return `${builder}(${formatEntries(value as ParameterSet, indent)})`;
    case 'VPSet': {
      const sets = value as readonly ParameterSet[];
      if (sets.length === 0) return `${builder}()`;
      const inner = `${indent}  `;
      const elements = sets.map((set) => `${inner}cms.PSet(${formatEntries(set, inner)}),`);
      return `${builder}(\n${elements.join('\n')}\n${indent})`;
    }
    case 'vint32':
    case 'vuint32':
    case 'vdouble':
      return `${builder}(${(value as readonly number[]).map(formatNumber).join(', ')})`;
    case 'vint64':
    case 'vuint64':
      return `${builder}(${(value as readonly bigint[]).map((element) => `${element}n`).join(', ')})`;
    case 'vstring':
      return `${builder}(${(value as readonly string[]).map((element) => JSON.stringify(element)).join(', ')})`;
    case 'VInputTag':
      return `${builder}(${(value as readonly InputTag[]).map((tag) => `cms.InputTag(${formatInputTag(tag)})`).join(', ')})`;
    case 'EventRange':
    case 'LuminosityBlockRange':
      return `${builder}(${JSON.stringify((value as EventRange | LuminosityBlockRange).encode())})`;
    case 'VEventRange':
    case 'VLuminosityBlockRange':
      return `${builder}(${(value as readonly (EventRange | LuminosityBlockRange)[])
        .map((range) => JSON.stringify(range.encode()))
        .join(', ')})`;
    case 'VESInputTag':
      return `${builder}(${(value as readonly ESInputTag[])
        .map((tag) => `cms.ESInputTag(${JSON.stringify(tag.module)}, ${JSON.stringify(tag.data)})`)
        .join(', ')})`;
  }
}

function formatInputTag(tag: InputTag): string {
  if (tag.instance === '' && tag.process === '') return JSON.stringify(tag.label);
  return [tag.label, tag.instance, tag.process].map((field) => JSON.stringify(field)).join(', ');
}

function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
