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
