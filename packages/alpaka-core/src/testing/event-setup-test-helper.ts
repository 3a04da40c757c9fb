import { FrameworkError } from '../errors/framework-error';
import { ESProducer } from '../event-setup/es-producer';
import { ESSource } from '../event-setup/es-source';
import type { EventSetupProvider, EventSetupSyncValue } from '../event-setup/event-setup-provider';
import { createEventSetupProvider } from '../event-setup/event-setup-provider-maker';
import type { EventSetupRecordKey } from '../event-setup/event-setup-record-key';
import { IOVSyncValue } from '../event-setup/iov-sync-value';
import { ValidityInterval } from '../event-setup/validity-interval';
import type { ModuleClass } from '../modules/module-class';
import { productTypeName } from '../modules/product-type';
import type { ParameterSet } from '../parameter-set/parameter-set';
import type { CreateEventSetupProvider } from '../scheduling/event-processor-contract';
import type { TestProcessorState } from './test-processor-state';

/**
 * CMSSW's EventSetupTestHelper, as two modules of the real EventSetup: an ESProducer that makes each declared
 * product from the data the current call was given, and an ESSource that gives its records (and the records
 * they depend on) one IOV per call to test() or to a transition, as CMSSW's TestProcessor does (it invalidates
 * the products after each call). The call's number is the time of the synchronisation values the EventSetup
 * sees (`callNumberedEventSetupProvider`), so every transition and event of one call share the IOV and the
 * next call, whatever its event number, starts another.
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
      const call = IOVSyncValue.ofTime(syncValue.time);
      return new ValidityInterval(call, call);
    }
  }
  return { producer: TestProcessorESProducer, source: TestProcessorESSource };
}

/**
 * The real EventSetup provider, seeing the call's number as the time of every synchronisation value (the
 * TestProcessor's job has no time-based IOVs of its own), so the helper's ESSource makes one IOV per call.
 */
export function callNumberedEventSetupProvider(state: TestProcessorState): CreateEventSetupProvider {
  return async (modules, registry) => {
    const provider = await createEventSetupProvider(modules, registry);
    const numbered: EventSetupProvider = {
      beginJob: () => provider.beginJob(),
      endJob: () => provider.endJob(),
      eventSetupFor: (syncValue) => provider.eventSetupFor({ eventID: syncValue.eventID, time: BigInt(state.call) }),
    };
    return numbered;
  };
}
