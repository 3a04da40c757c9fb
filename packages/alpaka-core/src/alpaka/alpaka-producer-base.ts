import { findCopyToDeviceForClass, findCopyToHostForClass } from '@alpaka-ts/interface';
import type { Event as HostEvent } from '../event/event';
import type { ESGetToken as HostESGetToken, Transition } from '../event-setup/es-get-token';
import type { EventSetup as HostEventSetup } from '../event-setup/event-setup-provider';
import type { EventSetupRecordKey } from '../event-setup/event-setup-record-key';
import type { EDGetToken as HostEDGetToken, EDPutToken as HostEDPutToken } from '../modules/ed-get-token';
import type { MaybePromise } from '../modules/module-abilities';
import type { ModuleClass } from '../modules/module-class';
import { moduleTypeVariant } from '../modules/module-type-variant';
import { ProducerBase } from '../modules/producer-base';
import { type ProductType, productTypeName, productTypes } from '../modules/product-type';
import type { ESInputTag } from '../parameter-set/es-input-tag';
import type { InputTag } from '../parameter-set/input-tag';
import type { ParameterSet } from '../parameter-set/parameter-set';
import { isThenable } from '../scheduling/pending-work';
import type { AlpakaBackendRuntime } from './alpaka-backend-runtime';
import { bindAlpakaModuleToNamespace } from './alpaka-module-binding';
import { synchronizeParameter } from './alpaka-module-parameters';
import { type AlpakaProductType, deviceProductType, isAlpakaProductType } from './alpaka-product-type';
import { AlpakaStreamContext } from './alpaka-stream-context';
import { boundRuntimeOf } from './bound-runtime';
import { EDGetToken, EDPutToken } from './device/ed-tokens';
import { ESGetToken } from './device/es-get-token';
import type { EDMetadata } from './ed-metadata';
import { esDeviceProductType } from './es-device-product';
import {
  copySourceProductToDevice,
  type ImplicitCopyProducer,
  registerCopyToDeviceTransform,
  registerCopyToHostTransform,
  type TransformRegistrar,
} from './implicit-copies';

/**
 * CMSSW's alpaka `ProducerBase` (HeterogeneousCore/AlpakaCore/interface/alpaka/ProducerBase.h): what every alpaka
 * producer shares. The class is written once; the framework binds it to the backend the job chose
 * (`alpaka_<backend>::Name`), and the constructor reads that backend. It registers the `backend` product, and
 * turns the module's declarations into the right ones for the backend:
 * - `produces(alpakaProductType)` gives a device put token: on host backends the event holds the product as it
 *   is; on accelerators it holds a DeviceProduct, and a host copy is registered that runs only when consumed;
 * - `produces(hostType)` of a type that can be copied to a device also registers that copy (on accelerators);
 * - `consumes(alpakaProductType, tag)` and `esConsumes(record, alpakaProductType)` give device tokens.
 */
export abstract class AlpakaProducerBase extends ProducerBase implements ImplicitCopyProducer {
  /** Marks the class as an alpaka module (modulePrevalidate adds the `alpaka` PSet to its description). */
  static readonly alpakaModule: boolean = true;

  /** The registry's `alpaka_<backend>::Name`: this class bound to that backend. */
  static [moduleTypeVariant](this: ModuleClass, namespace: string): Promise<ModuleClass | undefined> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the author's subclass, which is what gets bound.
    return bindAlpakaModuleToNamespace(this, namespace);
  }

  /** The backend this module runs on. */
  readonly runtime: AlpakaBackendRuntime;
  /** The untracked `alpaka.synchronize`: wait for the queue after produce/acquire instead of recording an event. */
  readonly synchronize: boolean;
  readonly #backendToken: HostEDPutToken<number>;
  readonly #contexts: (AlpakaStreamContext | undefined)[] = [];

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.runtime = boundRuntimeOf(new.target);
    this.synchronize = synchronizeParameter(parameters);
    this.#backendToken = super.produces(productTypes.unsignedShort, 'backend');
  }

  protected override produces<T>(type: ProductType<T>, instance?: string): HostEDPutToken<T>;
  protected override produces<Host, OnDevice>(
    type: AlpakaProductType<Host, OnDevice>,
    instance?: string,
  ): EDPutToken<Host | OnDevice>;
  protected override produces(type: ProductType | AlpakaProductType, instance = ''): HostEDPutToken | EDPutToken {
    if (!isAlpakaProductType(type)) {
      const token = super.produces(type, instance);
      if (!this.runtime.productsAreHostProducts) this.#registerCopyToDevice(token);
      return token;
    }
    if (this.runtime.productsAreHostProducts) return new EDPutToken(type, super.produces(type.host, instance), false);
    const token = super.produces(deviceProductType(type.device), instance);
    const copy = findCopyToHostForClass(type.device);
    if (copy !== undefined) registerCopyToHostTransform(this.#registrar(), token, type, copy, instance);
    return new EDPutToken(type, token, true);
  }

  protected override consumes<T>(type: ProductType<T>, tag: InputTag | string): HostEDGetToken<T>;
  protected override consumes<Host, OnDevice>(
    type: AlpakaProductType<Host, OnDevice>,
    tag: InputTag | string,
  ): EDGetToken<Host | OnDevice>;
  protected override consumes(type: ProductType | AlpakaProductType, tag: InputTag | string): unknown {
    if (!isAlpakaProductType(type)) return super.consumes(type, tag);
    const direct = this.runtime.productsAreHostProducts;
    const token = super.consumes(direct ? type.host : deviceProductType(type.device), tag);
    if (!direct) this.#offerCopyOfSourceProduct(token, type);
    return new EDGetToken(type, token, !direct);
  }

  protected override esConsumes<T>(
    record: EventSetupRecordKey,
    type: ProductType<T>,
    tag?: ESInputTag | string,
    transition?: Transition,
  ): HostESGetToken<T>;
  protected override esConsumes<Host, OnDevice>(
    record: EventSetupRecordKey,
    type: AlpakaProductType<Host, OnDevice>,
    tag?: ESInputTag | string,
    transition?: Transition,
  ): ESGetToken<Host | OnDevice>;
  protected override esConsumes(
    record: EventSetupRecordKey,
    type: ProductType | AlpakaProductType,
    tag?: ESInputTag | string,
    transition: Transition = 'Event',
  ): unknown {
    if (!isAlpakaProductType(type)) return super.esConsumes(record, type, tag, transition);
    const direct = this.runtime.productsAreHostProducts;
    const hostType = direct ? type.host : esDeviceProductType(type.device);
    return new ESGetToken(type, super.esConsumes(record, hostType, tag, transition), !direct);
  }

  /** The stream's context, pointed at a new invocation (CMSSW's EDMetadataSentry). */
  protected startInvocation(streamID: number, event: HostEvent, eventSetup: HostEventSetup): AlpakaStreamContext {
    let context = this.#contexts[streamID];
    if (context === undefined) {
      const type = this.parameters?.entry('@module_type')?.value ?? this.constructor.name;
      const moduleContext = `Calling method for module ${String(type)}/'${this.moduleLabel}'`;
      context = new AlpakaStreamContext(this.runtime, streamID, event, eventSetup, moduleContext);
      this.#contexts[streamID] = context;
    }
    context.start(streamID, eventSetup);
    return context;
  }

  /** The stream's context, if the module ran in that stream (the implicit copies need its end-of-event list). */
  streamContext(streamID: number): AlpakaStreamContext | undefined {
    return this.#contexts[streamID];
  }

  /**
   * The end of produce (CMSSW's putBackend, then EDMetadataSentry::finish): puts the backend product; if the
   * queue was used, waits for it with `synchronize`, else records an event that consumers wait on.
   */
  protected finishProduce(context: AlpakaStreamContext, event: HostEvent): Promise<void> | undefined {
    event.put(this.#backendToken, this.runtime.backendValue);
    return this.finishQueueWork(context.event.queueUsed, context.event.metadata);
  }

  /**
   * Calls the author's produce, then finishProduce. A produce that throws after putting device products still
   * records its event when it used the queue: with IgnoreCompletely or FailPath their consumers may read them.
   */
  protected runProduce(
    context: AlpakaStreamContext,
    event: HostEvent,
    produce: () => MaybePromise<void>,
  ): Promise<void> | undefined {
    let result: MaybePromise<void>;
    try {
      result = produce();
    } catch (error) {
      this.#recordAfterFailure(context);
      throw error;
    }
    if (!isThenable(result)) return this.finishProduce(context, event);
    return Promise.resolve(result).then(
      () => this.finishProduce(context, event),
      (error: unknown) => {
        this.#recordAfterFailure(context);
        throw error;
      },
    );
  }

  #recordAfterFailure(context: AlpakaStreamContext): void {
    if (context.event.queueUsed && !this.runtime.productsAreHostProducts) context.event.metadata.recordEvent();
  }

  /** After produce (or acquire): nothing when the queue was not used; a wait with synchronize; else an event. */
  protected finishQueueWork(queueUsed: boolean, metadata: EDMetadata): Promise<void> | undefined {
    if (!queueUsed) return undefined;
    if (this.synchronize) return metadata.waitForQueue();
    metadata.recordEvent();
    return undefined;
  }

  #registerCopyToDevice(token: HostEDPutToken): void {
    const copy = findCopyToDeviceForClass(token.productType);
    if (copy?.deviceType === undefined) return;
    registerCopyToDeviceTransform(this.#registrar(), this, token, copy, copy.deviceType);
  }

  /** A device product read from a host product the source put (a file's collection): its implicit copy. */
  #offerCopyOfSourceProduct(token: HostEDGetToken, type: AlpakaProductType): void {
    const copy = findCopyToDeviceForClass(type.host);
    if (copy === undefined) return;
    if (copy.deviceType !== undefined && productTypeName(copy.deviceType) !== productTypeName(type.device)) return;
    const backend = `backend ${this.runtime.name}`;
    this.registerSourceTransform(token, type.host, copySourceProductToDevice(this.runtime, copy), backend);
  }

  /** Hands the implicit copies this module's Transformer registrations (protected methods of the base). */
  #registrar(): TransformRegistrar {
    return {
      registerTransform: (source, resultType, transform, instance) =>
        this.registerTransform(source, resultType, transform, instance),
      registerTransformAsync: (source, resultType, pre, post, instance) =>
        this.registerTransformAsync(source, resultType, pre, post, instance),
    };
  }
}
