import {
  type ConfigurationDescriptions,
  ESGetToken,
  ESInputTag,
  type EventSetupRecordKey,
  FrameworkError,
  isFrameworkError,
  type ParameterSet,
  ParameterSetDescription,
  type ProductType,
} from '@alpaka-ts/core';
import {
  type AlpakaBackendRuntime,
  type AlpakaProductType,
  device,
  esDeviceProductType,
  global,
} from '@alpaka-ts/core/alpaka';
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
 * A device token the framework does not prefetch. CMSSW prefetches only the esConsumes whose product some ES
 * module delivers, and a get of the others fails (getData throws, getHandle gives an invalid handle);
 * @alpaka-ts/core instead fails the prefetch of such a token, before produce runs (NoProductResolverException),
 * which would leave CMSSW's invalid-handle case unreachable. The C tokens, which no module delivers in record A,
 * are therefore made outside esConsumes; reading them goes through the EventSetup as any get does.
 */
function unprefetchedToken<Host, OnDevice>(
  runtime: AlpakaBackendRuntime,
  record: EventSetupRecordKey,
  type: AlpakaProductType<Host, OnDevice>,
  tag: ESInputTag,
): device.ESGetToken<Host | OnDevice> {
  const direct = runtime.productsAreHostProducts;
  const hostType: ProductType = direct ? type.host : esDeviceProductType(type.device);
  return new device.ESGetToken(type, new ESGetToken(record, hostType, tag, -1), !direct);
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
    this.#esC = unprefetchedToken(this.runtime, AlpakaESTestRecordA, AlpakaESTestDataC, source);
    const doesNotExist = new ESInputTag('', 'doesNotExist');
    this.#esCNotExist = unprefetchedToken(this.runtime, AlpakaESTestRecordA, AlpakaESTestDataC, doesNotExist);
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
