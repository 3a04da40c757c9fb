import { describe, expect, it } from 'vitest';
import { EmptyESSource } from '../../src/event-setup/empty-es-source';
import { ESProducer } from '../../src/event-setup/es-producer';
import { validateModuleParameters } from '../../src/parameter-set/configuration-descriptions';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ParameterSetDescription } from '../../src/parameter-set/parameter-set-description';

class ProducerWithoutDescription extends ESProducer {}

describe('EventSetup module descriptions', () => {
  it("EmptyESSource requires recordName, with CMSSW's message and the module context", () => {
    const parameters = new ParameterSet().addParameter('firstValid', 'vuint32', [1]);
    let message = '';
    try {
      validateModuleParameters(EmptyESSource, 'EmptyESSource', 'source', parameters);
    } catch (error) {
      message = (error as { explainSelf(): string }).explainSelf();
    }
    expect(message).toContain(
      'Missing required parameter.  It should have label "recordName" and have type "tracked string".',
    );
    expect(message).toContain("Validating configuration of module: class=EmptyESSource label='source'");
  });

  it('inserts iovIsRunNotTime and appendToDataLabel defaults into an EmptyESSource', () => {
    const parameters = new ParameterSet()
      .addParameter('recordName', 'string', 'R')
      .addParameter('firstValid', 'vuint32', [1]);
    validateModuleParameters(EmptyESSource, 'EmptyESSource', 'source', parameters);
    expect(parameters.getParameter('iovIsRunNotTime')).toBe(true);
    expect(parameters.getParameter('appendToDataLabel')).toBe('');
  });

  it('every ES module with a description accepts appendToDataLabel without declaring it', () => {
    class Described extends ESProducer {
      static fillDescriptions(
        descriptions: import('../../src/parameter-set/configuration-descriptions').ConfigurationDescriptions,
      ) {
        descriptions.addDefault(new ParameterSetDescription());
      }
    }
    const parameters = new ParameterSet().addParameter('appendToDataLabel', 'string', 'x');
    expect(() => validateModuleParameters(Described, 'Described', 'd', parameters)).not.toThrow();
    expect(() => validateModuleParameters(ProducerWithoutDescription, 'P', 'p', new ParameterSet())).not.toThrow();
  });
});

describe('EventSetup module calls and the ActivityRegistry', () => {
  it("signals each ESProducer call (preESModule/postESModule, kind 'eventSetup'), so services time and trace ES production", async () => {
    const { ActivityRegistry } = await import('../../src/scheduling/activity-registry');
    const { createEventSetupProvider } = await import('../../src/event-setup/event-setup-provider-maker');
    const { ESGetToken } = await import('../../src/event-setup/es-get-token');
    const { ESInputTag } = await import('../../src/parameter-set/es-input-tag');
    const helpers = await import('./event-setup-test-modules');
    const activity = new ActivityRegistry();
    const calls: string[] = [];
    activity.preESModule.connect(({ kind, moduleLabel }) => calls.push(`pre ${kind} ${moduleLabel}`));
    activity.postESModule.connect(({ kind, moduleLabel }) => calls.push(`post ${kind} ${moduleLabel}`));
    const provider = await createEventSetupProvider(
      [helpers.emptySource('source', 'ESTestRecordA', [1]), helpers.producer('TestESProducer', 'a', { value: 3 })],
      helpers.makeRegistry(),
      activity,
    );
    const token = new ESGetToken(helpers.RecordA, helpers.TestESProduct, new ESInputTag('', ''), 0);
    const eventSetup = provider.eventSetupFor(helpers.syncValue(1));
    expect(eventSetup.prefetch([token])).toBeUndefined();
    expect(eventSetup.get(token).value).toBe(3);
    expect(calls).toEqual(['pre eventSetup a', 'post eventSetup a']);
  });
});
