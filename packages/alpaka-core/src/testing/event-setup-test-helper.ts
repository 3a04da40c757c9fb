import { FrameworkError } from '../errors/framework-error';
import { ESProducer } from '../event-setup/es-producer';
import { ESSource } from '../event-setup/es-source';
import type { EventSetupSyncValue } from '../event-setup/event-setup-provider';
import type { EventSetupRecordKey } from '../event-setup/event-setup-record-key';
import { IOVSyncValue } from '../event-setup/iov-sync-value';
import { ValidityInterval } from '../event-setup/validity-interval';
import type { ModuleClass } from '../modules/module-class';
import { productTypeName } from '../modules/product-type';
import type { ParameterSet } from '../parameter-set/parameter-set';
import type { TestProcessorState } from './test-processor-state';

/**
 * CMSSW's EventSetupTestHelper, as two modules of the real EventSetup: an ESProducer that makes each declared
 * product from the data the current call was given, and an ESSource that gives its records (and the records
 * they depend on) a new IOV at every synchronisation value, so the products are made again for every event
 * and transition of every call (CMSSW invalidates them after each call to test()).
 */
export function makeEventSetupTestHelperClasses(state: TestProcessorState): {
  producer: ModuleClass;
  source: ModuleClass;
} {
  class TestProcessorESProducer extends ESProducer {
    constructor(parameters: ParameterSet) {
      super(parameters);
      for (const token of state.eventSetupProducts) {
        this.setWhatProduced(
          token.record,
          token.productType,
          () => {
            if (!state.eventSetupGiven[token.index]) {
              throw new FrameworkError(
                'ProductNotFound',
                `TestProcessor: no EventSetup data of type "${productTypeName(token.productType)}" in record "${token.record.recordName}" with label "${token.label}" was given to this call.\n` +
                  'Pass it to the call that needs it: tester.test(esToken.with(data)) (or testBeginRun(run, esToken.with(data)) …).',
              );
            }
            return state.eventSetupData[token.index];
          },
          { label: token.label },
        );
      }
    }
  }
  class TestProcessorESSource extends ESSource {
    constructor(parameters: ParameterSet) {
      super(parameters);
      const add = (record: EventSetupRecordKey): void => {
        this.findingRecord(record);
        for (const parent of record.dependsOn) add(parent);
      };
      for (const token of state.eventSetupProducts) add(token.record);
    }

    protected override setIntervalFor(_record: EventSetupRecordKey, syncValue: EventSetupSyncValue): ValidityInterval {
      const point = new IOVSyncValue(syncValue.eventID, syncValue.time);
      return new ValidityInterval(point, point);
    }
  }
  return { producer: TestProcessorESProducer, source: TestProcessorESSource };
}
