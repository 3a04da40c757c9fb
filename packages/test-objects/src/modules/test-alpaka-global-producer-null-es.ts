import {
  type ConfigurationDescriptions,
  ESInputTag,
  FrameworkError,
  isFrameworkError,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import { AlpakaESTestDataA, AlpakaESTestDataC } from '../data-formats/alpaka-es-test-data';
import { AlpakaESTestRecordA } from '../data-formats/alpaka-es-test-records';
import { getESHandle } from './es-handle';

/** Whether `read` throws a framework exception (CMSSW's `catch (cms::Exception&)`); anything else escapes. */
function throwsFrameworkError(read: () => unknown): boolean {
  try {
    read();
  } catch (thrown) {
    if (isFrameworkError(thrown)) return true;
    throw thrown;
  }
  return false;
}

/**
 * HeterogeneousCore/AlpakaTest/plugins/alpaka/TestAlpakaGlobalProducerNullES.cc: the ways a device ES product can
 * be missing. A of `eventSetupSource` (TestAlpakaESProducerNull's null product) must throw from getHandle; C of
 * the same tag (produced by no module in record A) must throw from get; C labelled "doesNotExist" must give an
 * invalid handle whose dereference throws. Otherwise the event fails with CMSSW's Assert.
 */
export class TestAlpakaGlobalProducerNullES extends global.EDProducer {
  readonly #esA: device.ESGetToken<unknown>;
  readonly #esC: device.ESGetToken<unknown>;
  readonly #esCNotExist: device.ESGetToken<unknown>;

  constructor(parameters: ParameterSet) {
    super(parameters);
    const source = parameters.getParameter<ESInputTag>('eventSetupSource');
    this.#esA = this.esConsumes(AlpakaESTestRecordA, AlpakaESTestDataA, source);
    // No module delivers C in record A: the framework skips these at prefetch, as CMSSW's, and the reads fail.
    this.#esC = this.esConsumes(AlpakaESTestRecordA, AlpakaESTestDataC, source);
    const doesNotExist = new ESInputTag('', 'doesNotExist');
    this.#esCNotExist = this.esConsumes(AlpakaESTestRecordA, AlpakaESTestDataC, doesNotExist);
  }

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('eventSetupSource', 'ESInputTag', new ESInputTag());
    descriptions.addWithDefaultLabel(description);
  }

  produce(_streamID: number, _event: device.Event, eventSetup: device.EventSetup): void {
    if (!throwsFrameworkError(() => getESHandle(eventSetup, this.#esA))) {
      throw new FrameworkError('Assert', 'Getting AlpakaESTestDataADevice ESProduct did not throw');
    }
    if (!throwsFrameworkError(() => eventSetup.get(this.#esC))) {
      throw new FrameworkError('Assert', 'Getting AlpakaESTestDataCDevice ESProduct did not throw');
    }
    const handleC = getESHandle(eventSetup, this.#esCNotExist);
    if (handleC.isValid()) {
      throw new FrameworkError('Assert', 'Getting non-existing AlpakaESTestDataCDevice succeeded, should have failed');
    }
    if (!throwsFrameworkError(() => handleC.product())) {
      throw new FrameworkError(
        'Assert',
        'De-referencing ESHandle of non-existentAlpakaESTestDataADevice did not throw',
      );
    }
  }
}
