import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { configurationArguments } from '../../src/configuration/configuration-arguments';
import { loadConfiguration } from '../../src/configuration/load-configuration';
import { InputTag } from '../../src/parameter-set/input-tag';
import { ParameterSet } from '../../src/parameter-set/parameter-set';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

async function loadError(
  file: string,
  args: readonly string[] = [],
): Promise<{ category: string; exitCode: number; message: string; contexts: readonly string[] }> {
  try {
    await loadConfiguration(file, args);
  } catch (error) {
    return error as { category: string; exitCode: number; message: string; contexts: readonly string[] };
  }
  throw new Error(`${file} loaded`);
}

describe('loadConfiguration', () => {
  test("a .ts configuration loads through jiti; its description uses this copy's classes", async () => {
    const { process, description } = await loadConfiguration(fixture('basic-configuration.ts'), []);
    expect(process.name_()).toBe('TEST');
    expect(description.maxEvents).toEqual({ input: 10 });
    expect(description.options.numberOfThreads).toBe(4);
    expect([...description.modules.keys()]).toEqual(['producer', 'other', 'filter', 'unscheduled', 'analyzer']);
    expect(description.paths[0]?.entries.map((entry) => `${entry.operator}:${entry.label}`)).toEqual([
      'normal:producer',
      'normal:other',
      'veto:filter',
    ]);
    expect(description.unscheduledModules).toEqual(['unscheduled']);
    const producer = description.modules.get('producer')?.parameters;
    expect(producer).toBeInstanceOf(ParameterSet);
    expect(producer?.getParameter('ivalue')).toBe(7);
    expect(producer?.getParameter('tag')).toBeInstanceOf(InputTag);
    expect(description.options.parameters).toBeInstanceOf(ParameterSet);
  });

  test('trailing arguments reach the configuration while it loads, and stay readable after', async () => {
    const first = await loadConfiguration(fixture('arguments-configuration.ts'), ['25', 'made']);
    expect(first.description.maxEvents.input).toBe(25);
    expect([...first.description.modules.keys()]).toEqual(['made']);
    expect(configurationArguments()).toEqual(['25', 'made']);
    // Loaded again with other arguments, the file is evaluated again.
    const second = await loadConfiguration(fixture('arguments-configuration.ts'), ['3']);
    expect(second.description.maxEvents.input).toBe(3);
    expect([...second.description.modules.keys()]).toEqual(['producer']);
  });

  test('a default export that is a function of the arguments (a .mjs through import())', async () => {
    const { description } = await loadConfiguration(fixture('function-configuration.mjs'), ['6']);
    expect(description.name).toBe('FUNCTION');
    expect(description.options.numberOfThreads).toBe(6);
  });

  test('a missing file is ConfigFileNotFound (7001) naming the path', async () => {
    const error = await loadError('no/such/configuration.ts');
    expect(error.category).toBe('ConfigFileNotFound');
    expect(error.exitCode).toBe(7001);
    expect(error.message).toMatch(
      /^The configuration file 'no\/such\/configuration\.ts' does not exist \(looked for \/.*no\/such\/configuration\.ts\); give the path of a \.ts or \.js configuration\.$/,
    );
  });

  test('a configuration that throws is ConfigFileReadError (7002) with its message and file', async () => {
    const file = fixture('throwing-configuration.ts');
    const error = await loadError(file);
    expect(error.category).toBe('ConfigFileReadError');
    expect(error.exitCode).toBe(7002);
    expect(error.message).toBe(
      `The configuration file '${file}' raised an error:\nRangeError: the configuration gave up`,
    );
    expect(error.contexts).toEqual([`Processing the configuration file named ${file}`]);
  });

  test("a Python-level error of the builders (a redefined label) is 7002 too, as cmsRun's", async () => {
    const file = fixture('python-error-configuration.ts');
    const error = await loadError(file);
    expect(error.exitCode).toBe(7002);
    expect(error.message).toBe(
      `The configuration file '${file}' raised an error:\nValueError: Trying to override definition of process.producer`,
    );
  });

  test('a FrameworkError thrown by the configuration passes unchanged, keeping its code', async () => {
    const error = await loadError(fixture('framework-error-configuration.ts'));
    expect(error.category).toBe('UnavailableAccelerator');
    expect(error.exitCode).toBe(8035);
    expect(error.message).toBe('No accelerator matches the patterns.');
    const unknown = await loadError(fixture('unknown-label-configuration.ts'));
    expect(unknown.exitCode).toBe(8009);
    expect(unknown.message).toBe(
      'The unknown module label "missing" appears in path "p"\n please check spelling or remove that label from the path.',
    );
  });

  test('a default export that is not a Process is 7002 saying what was found and what is expected', async () => {
    const file = fixture('not-a-process-configuration.ts');
    const error = await loadError(file);
    expect(error.exitCode).toBe(7002);
    expect(error.message).toBe(
      `The configuration file '${file}' must have a Process as its default export (\`export default process\`), or a function of the arguments returning one; its default export is a Module.`,
    );
    const none = fixture('no-default-configuration.mjs');
    expect((await loadError(none)).message).toBe(
      `The configuration file '${none}' must have a Process as its default export (\`export default process\`), or a function of the arguments returning one; its default export is undefined (the module has no default export).`,
    );
  });
});

describe('a CMSSW configuration translated line by line', () => {
  test('testAlpakaModules_cfg.py: ES modules, @alpaka types, clone, a Task, arguments choosing the backend', async () => {
    const { description } = await loadConfiguration(fixture('alpaka-modules-configuration.ts'), [
      'gpu-nvidia',
      'cuda_async',
    ]);
    expect(description.options.accelerators).toEqual(['gpu-nvidia']);
    expect(description.maxEvents.input).toBe(10);
    expect(description.eventSetupModules.map((module) => module.type)).toEqual([
      'EmptyESSource',
      'cms::alpakatest::TestESProducerA',
    ]);
    expect(description.paths[0]?.entries.map((entry) => entry.label)).toEqual([
      'alpakaGlobalConsumer',
      'alpakaStreamSynchronizingProducer',
    ]);
    expect(description.unscheduledModules).toEqual(['intProduct', 'alpakaGlobalProducer', 'alpakaStreamProducer']);
    const synchronizing = description.modules.get('alpakaStreamSynchronizingProducer')?.parameters;
    expect(synchronizing?.getParameter<InputTag>('source').encode()).toBe('alpakaGlobalProducer');
    expect(synchronizing?.getParameter<ParameterSet>('size').getParameter('alpaka_cuda_async')).toBe(25);
    expect(synchronizing?.getUntrackedParameter<ParameterSet>('alpaka').getUntrackedParameter('backend')).toBe(
      'cuda_async',
    );
    const esSource = description.eventSetupModules[0]?.parameters;
    expect(esSource?.getParameter('firstValid')).toEqual([1]);
  });
});

test("process.extend(await import('./X_cff')) is Python's process.load: components by their export names", async () => {
  const { process, description } = await loadConfiguration(fixture('extending-configuration.ts'), []);
  expect(process.labels_()).toEqual(['fragmentProducer', 'fragmentSequence', 'p']);
  expect(description.paths[0]?.entries.map((entry) => entry.label)).toEqual(['fragmentProducer']);
  expect(description.modules.get('fragmentProducer')?.parameters.getParameter('ivalue')).toBe(3);
});
