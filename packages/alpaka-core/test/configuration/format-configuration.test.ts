import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cms } from '../../src/configuration/cms';
import { formatConfiguration } from '../../src/configuration/format-configuration';
import { loadConfiguration } from '../../src/configuration/load-configuration';
import type { ModuleDescription, ProcessDescription } from '../../src/configuration/process-description';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';

const directory = mkdtempSync(join(tmpdir(), 'alpaka-core-dump-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const cmsPath = join(import.meta.dirname, '..', '..', 'src', 'configuration', 'cms.ts');

/** A description as plain data (ParameterSets keep their entries private, so toEqual would not see them). */
function plain(description: ProcessDescription): unknown {
  const set = (parameters: ParameterSet): unknown =>
    [...parameters.entries()].map(([name, entry]) => [name, entry.type, entry.tracked, value(entry.value)]);
  const value = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(value);
    if (typeof item === 'object' && item !== null && 'isParameterSet' in item) return set(item as ParameterSet);
    if (typeof item === 'object' && item !== null) return String(item);
    return Object.is(item, -0) ? '-0' : item;
  };
  const module = (described: ModuleDescription | undefined) =>
    described === undefined ? undefined : { ...described, parameters: set(described.parameters) };
  return {
    ...description,
    source: module(description.source),
    options: { ...description.options, parameters: set(description.options.parameters) },
    modules: [...description.modules.values()].map(module),
    eventSetupModules: description.eventSetupModules.map(module),
  };
}

async function roundTrip(description: ProcessDescription, name: string): Promise<ProcessDescription> {
  const file = join(directory, `${name}.ts`);
  writeFileSync(file, formatConfiguration(description, { importSpecifier: cmsPath }));
  return (await loadConfiguration(file, [])).description;
}

describe('formatConfiguration', () => {
  test('a configuration with every feature, dumped and loaded back, gives the same description', async () => {
    const { description } = await loadConfiguration(
      join(import.meta.dirname, 'fixtures', 'every-feature-configuration.ts'),
      [],
    );
    const reloaded = await roundTrip(description, 'every-feature');
    expect(plain(reloaded)).toEqual(plain(description));
    expect(description.unscheduledModules).toEqual(['lazy', 'lazier']);
    expect(description.paths.map((path) => path.name)).toEqual(['p2', 'p1']);
  });

  test('the text uses the cms builders with types, trackiness and operators', () => {
    const process = cms.Process('SMALL');
    process.a = cms.EDProducer('IntProducer', { ivalue: cms.untracked.int64(5), tag: cms.InputTag('x', 'y') });
    process.f = cms.EDFilter('IntFilter');
    process.t = cms.Task(process.a);
    process.p = cms.Path(cms.veto(process.f), process.t);
    const text = formatConfiguration(process.toDescription());
    expect(text).toContain('import { cms } from "@alpaka-ts/core";');
    expect(text).toContain('const process = cms.Process("SMALL");');
    expect(text).toContain(
      'process.a = cms.EDProducer("IntProducer", {\n  ivalue: cms.untracked.int64(5n),\n  tag: cms.InputTag("x", "y", ""),\n});',
    );
    expect(text).toContain('process.f = cms.EDFilter("IntFilter");');
    expect(text).toContain('process.unscheduledTask = cms.Task(process.a);');
    expect(text).toContain('process.p = cms.Path(cms.veto(process.f));');
    expect(text).toContain('process.schedule = cms.Schedule(process.p).associate(process.unscheduledTask);');
    expect(text).toContain('process.maxEvents = cms.untracked.PSet({ input: cms.untracked.int32(-1) });');
    expect(text).toContain('  numberOfThreads: cms.untracked.uint32(1),\n');
    expect(text).toContain('  accelerators: cms.untracked.vstring("*"),\n');
    expect(text.endsWith('export default process;\n')).toBe(true);
  });

  test('the task label avoids labels already taken', () => {
    const process = cms.Process('TAKEN');
    process.unscheduledTask = cms.EDProducer('IntProducer');
    process.lazy = cms.EDProducer('IntProducer');
    process.p = cms.Path(process.unscheduledTask, cms.Task(process.lazy));
    expect(formatConfiguration(process.toDescription())).toContain(
      'process.unscheduledTask1 = cms.Task(process.lazy);',
    );
  });
});
