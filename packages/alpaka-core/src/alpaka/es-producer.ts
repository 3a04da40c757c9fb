import { type Device, findCopyToDeviceForClass } from '@alpaka-ts/interface';
import { FrameworkError } from '../errors/framework-error';
import { describeComponent, selectableModuleLabel } from '../event-setup/component-description';
import type { ESConsumesCollector } from '../event-setup/es-consumes-collector';
import type { ESGetToken as HostESGetToken } from '../event-setup/es-get-token';
import { type ESProduceFunction, ESProducer, type ESProductionOptions } from '../event-setup/es-producer';
import type { EventSetupRecordKey } from '../event-setup/event-setup-record-key';
import { isMakeDataException } from '../event-setup/make-data-exception';
import type { ModuleClass } from '../modules/module-class';
import { moduleTypeVariant } from '../modules/module-type-variant';
import { type ProductType, productTypeName } from '../modules/product-type';
import { ESInputTag } from '../parameter-set/es-input-tag';
import type { ParameterSet } from '../parameter-set/parameter-set';
import type { AlpakaBackendRuntime } from './alpaka-backend-runtime';
import { AlpakaESConsumesCollector } from './alpaka-es-consumes-collector';
import { bindAlpakaModuleToNamespace } from './alpaka-module-binding';
import { synchronizeParameter } from './alpaka-module-parameters';
import { type AlpakaProductType, isAlpakaProductType } from './alpaka-product-type';
import { boundRuntimeOf } from './bound-runtime';
import type { Record as DeviceRecord } from './device/record';
import { esDeviceProductType } from './es-device-product';
import { collectDeviceProducts, type ESDeviceProduceFunction, produceOnDevices } from './es-device-production';

/**
 * CMSSW's alpaka `ESProducer` (HeterogeneousCore/AlpakaCore/interface/alpaka/ESProducer.h, an
 * ESProducerExternalWork): an EventSetup module written once and bound by the framework to the job's backend
 * (`alpaka_<backend>::Name`), whose products are in the host memory space, the backend's device memory space, or
 * both. The constructor registers them:
 * - `setWhatProduced(record, type, produce(record))`: a host product. On accelerators, when the host type has a
 *   CopyToDevice, a copy to every device of the backend is registered as well: an ESDeviceProduct made only
 *   when a device consumer prefetches it, one queue per device, handed out once the queues have finished.
 * - `setWhatProducedOnDevice(record, alpakaProductType, produce(deviceRecord))`: a device product, produce
 *   running once per device with that device's record and queue (CMSSW overloads setWhatProduced on the
 *   argument type, Record or device::Record, which TypeScript cannot see at run time, hence the second name).
 * On host backends (serial_sync) products are used directly: the device produce runs once and its result is the
 * product, and nothing is copied. A produce returning null (undefined) makes a missing product.
 */
export abstract class AlpakaESProducer extends ESProducer {
  /** Marks the class as an alpaka module (modulePrevalidate adds the `alpaka` PSet to its description). */
  static readonly alpakaModule: boolean = true;

  /** The registry's `alpaka_<backend>::Name`: this class bound to that backend. */
  static [moduleTypeVariant](this: ModuleClass, namespace: string): Promise<ModuleClass | undefined> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the author's subclass, which is what gets bound.
    return bindAlpakaModuleToNamespace(this, namespace);
  }

  /** The backend this module makes products for. */
  readonly runtime: AlpakaBackendRuntime;
  /** The untracked `alpaka.synchronize`: wait for each device's queue right after its produce. */
  readonly synchronize: boolean;
  /** The label the implicit copies select the host product with (CMSSW's `moduleLabel_`). */
  readonly #moduleLabel: string;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.runtime = boundRuntimeOf(new.target);
    this.synchronize = synchronizeParameter(parameters);
    this.#moduleLabel = selectableModuleLabel(this.componentDescription);
  }

  /** A host product; on accelerators also its copy to every device, made only for device consumers. */
  protected override setWhatProduced<T>(
    record: EventSetupRecordKey,
    productType: ProductType<T>,
    produce: ESProduceFunction<T | null | undefined>,
    options?: ESProductionOptions,
  ): AlpakaESConsumesCollector;
  protected override setWhatProduced<Host, OnDevice>(
    record: EventSetupRecordKey,
    productType: AlpakaProductType<Host, OnDevice>,
    produce: ESProduceFunction<Host | null | undefined>,
    options?: ESProductionOptions,
  ): AlpakaESConsumesCollector;
  protected override setWhatProduced(
    record: EventSetupRecordKey,
    productType: ProductType | AlpakaProductType,
    produce: ESProduceFunction<unknown>,
    options: ESProductionOptions = {},
  ): AlpakaESConsumesCollector {
    const alpaka = isAlpakaProductType(productType);
    const hostType = alpaka ? productType.host : productType;
    const collector = new AlpakaESConsumesCollector(
      super.setWhatProduced(record, hostType, produce, options),
      this.runtime,
    );
    if (!this.runtime.productsAreHostProducts) {
      this.#registerCopyToDevices(record, hostType, alpaka ? productType.device : undefined, options);
    }
    return collector;
  }

  /**
   * A product of the backend's memory space (CMSSW's setWhatProduced of a `produce(device::Record<R> const&)`):
   * `produce` runs once per device, with that device's record and queue, asynchronously unless `synchronize`.
   * The results become an ESDeviceProduct (on host backends, the one result is the product); all null is a
   * missing product, some null an error.
   */
  protected setWhatProducedOnDevice<Host, OnDevice>(
    record: EventSetupRecordKey,
    productType: AlpakaProductType<Host, OnDevice>,
    produce: ESDeviceProduceFunction<Host | OnDevice>,
    options: ESProductionOptions = {},
  ): AlpakaESConsumesCollector {
    if (!isAlpakaProductType(productType)) {
      throw new FrameworkError(
        'Configuration',
        `${this.#owner()}: setWhatProducedOnDevice takes alpakaProductType(Host, Device), the type in each memory space.`,
      );
    }
    const collector = this.#registerOnDevices(
      record,
      productType.host,
      productType.device,
      (deviceRecord) => produce.call(this, deviceRecord),
      options,
    );
    return new AlpakaESConsumesCollector(collector, this.runtime);
  }

  #registerOnDevices(
    record: EventSetupRecordKey,
    hostType: ProductType,
    deviceType: ProductType,
    produce: ESDeviceProduceFunction<unknown>,
    options: ESProductionOptions,
  ): ESConsumesCollector {
    const runtime = this.runtime;
    const synchronize = this.synchronize;
    if (runtime.productsAreHostProducts) {
      const devices = [runtime.devices[0] as Device];
      return super.setWhatProduced(
        record,
        hostType,
        (hostRecord) => {
          const products = produceOnDevices(runtime, devices, synchronize, hostRecord, produce);
          return Array.isArray(products) ? products[0] : products.then((made) => made[0]);
        },
        options,
      );
    }
    return super.setWhatAcquiredProduced(
      record,
      esDeviceProductType(deviceType),
      (hostRecord) => produceOnDevices(runtime, runtime.devices, synchronize, hostRecord, produce),
      (_hostRecord, products) => collectDeviceProducts(runtime.devices, products),
      options,
    );
  }

  /**
   * CMSSW's implicit copy of a host product to the devices: a device production reading the host product
   * through `ESInputTag(moduleLabel, label + appendToDataLabel)`, copying it on each device's queue. A host
   * product that was not made (MakeDataException) is a missing device product.
   */
  #registerCopyToDevices(
    record: EventSetupRecordKey,
    hostType: ProductType,
    declaredDeviceType: ProductType | undefined,
    options: ESProductionOptions,
  ): void {
    const copy = findCopyToDeviceForClass(hostType);
    if (copy === undefined) {
      if (declaredDeviceType === undefined || declaredDeviceType === hostType) return;
      throw new FrameworkError(
        'Configuration',
        `${this.#owner()} produces a ${productTypeName(hostType)} with the device form ${productTypeName(declaredDeviceType)}, but no CopyToDevice is registered for ${productTypeName(hostType)}: register one with registerCopyToDevice, or produce the device form with setWhatProducedOnDevice.`,
      );
    }
    const deviceType = declaredDeviceType ?? copy.deviceType;
    if (deviceType === undefined) return;
    let hostToken: HostESGetToken | undefined;
    const copyToDevice = (deviceRecord: DeviceRecord): unknown => {
      let host: unknown;
      try {
        host = deviceRecord.get(hostToken as HostESGetToken);
      } catch (thrown) {
        if (isMakeDataException(thrown)) return null;
        throw thrown;
      }
      return copy.copyAsync(deviceRecord.queue(), host);
    };
    const collector = this.#registerOnDevices(record, hostType, deviceType, copyToDevice, options);
    const dataLabel = `${options.label ?? ''}${this.appendToDataLabel}`;
    hostToken = collector.consumes(hostType, new ESInputTag(this.#moduleLabel, dataLabel));
  }

  #owner(): string {
    return `ESProducer ${describeComponent(this.componentDescription)}`;
  }
}
