import { describe, expect, it, vi } from 'vitest';

const validated: string[] = [];
vi.mock('../../src/parameter-set/configuration-descriptions', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/parameter-set/configuration-descriptions')>();
  return {
    ...original,
    validateModuleParameters: (
      moduleClass: { readonly edmType: string },
      type: string,
      label: string,
      parameters: import('../../src/parameter-set/parameter-set').ParameterSet,
    ) => {
      validated.push(`${moduleClass.edmType} ${type}/${label}`);
      // What validation does with a default: inserts it before the module reads its parameters.
      if (type === 'TestESProducer' && !parameters.exists('label'))
        parameters.addParameter('label', 'string', 'fromDefault');
    },
  };
});

const { createEventSetupProvider } = await import('../../src/event-setup/event-setup-provider-maker');
const { ESGetToken } = await import('../../src/event-setup/es-get-token');
const { ESInputTag } = await import('../../src/parameter-set/es-input-tag');
const helpers = await import('./event-setup-test-modules');

describe('createEventSetupProvider validation', () => {
  it('validates every ES module before constructing it, so inserted defaults are what the module reads', async () => {
    const setup = await createEventSetupProvider(
      [helpers.emptySource('source', 'ESTestRecordA', [1]), helpers.producer('TestESProducer', 'a', { value: 3 })],
      helpers.makeRegistry(),
    );
    expect(validated).toEqual(['ESSource EmptyESSource/source', 'ESProducer TestESProducer/a']);
    const token = new ESGetToken(helpers.RecordA, helpers.TestESProduct, new ESInputTag('', 'fromDefault'), 0);
    const eventSetup = setup.eventSetupFor(helpers.syncValue(1));
    expect(eventSetup.prefetch([token])).toBeUndefined();
    expect(eventSetup.get(token).value).toBe(3);
  });
});
