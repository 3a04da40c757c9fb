import { describe, expect, it } from 'vitest';
import { isFrameworkError } from '../../src/errors/framework-error';
import { ESGetToken } from '../../src/event-setup/es-get-token';
import { ESProducer } from '../../src/event-setup/es-producer';
import { createEventSetupProvider } from '../../src/event-setup/event-setup-provider-maker';
import { ESInputTag } from '../../src/parameter-set/es-input-tag';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { emptySource, makeRegistry, producer, RecordA, syncValue, TestESProduct } from './event-setup-test-modules';

/** Returns no product (CMSSW's null unique_ptr): `null`, or `undefined` with `undefinedInstead`. */
class NullESProducer extends ESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    const undefinedInstead = parameters.exists('undefinedInstead');
    this.setWhatProduced(RecordA, TestESProduct, () => (undefinedInstead ? undefined : null) as never, {
      label: 'calibration',
    });
  }
}

const token = new ESGetToken(RecordA, TestESProduct, new ESInputTag('', 'calibration'), 0);

describe('a product its ESProducer did not make', () => {
  for (const undefinedInstead of [false, true]) {
    it(`(${undefinedInstead ? 'undefined' : 'null'}) prefetches, and a get throws CMSSW's MakeDataException`, async () => {
      const setup = await createEventSetupProvider(
        [
          emptySource('source', 'ESTestRecordA', [1]),
          producer('NullESProducer', 'nothing', undefinedInstead ? { undefinedInstead: true } : {}),
        ],
        makeRegistry().register(NullESProducer),
      );
      const eventSetup = setup.eventSetupFor(syncValue(1));
      expect(eventSetup.prefetch([token])).toBeUndefined();
      let thrown: unknown;
      try {
        eventSetup.get(token);
      } catch (error) {
        thrown = error;
      }
      expect(isFrameworkError(thrown)).toBe(true);
      expect((thrown as { category: string }).category).toBe('MakeDataException');
      expect((thrown as Error).message).toBe(
        'Error while making data "TestESProduct" "calibration" in Record ESTestRecordA',
      );
    });
  }
});
