import { FrameworkError } from '../errors/framework-error';
import { isProductType, type ProductType, productTypeName } from '../modules/product-type';
import type { ParameterSet } from '../parameter-set/parameter-set';
import {
  type ComponentDescription,
  componentDescriptionFromParameters,
  describeComponent,
} from './component-description';
import { ESConsumesCollector } from './es-consumes-collector';
import type { EventSetupRecord } from './event-setup-record';
import { isEventSetupRecordKey } from './event-setup-record-implementation';
import type { EventSetupRecordKey } from './event-setup-record-key';

/** A produce function: the product, or a promise of it (asynchronous production). */
export type ESProduceFunction<T> = (record: EventSetupRecord) => T | PromiseLike<T>;
/** ESProducerExternalWork's acquire: starts the work (device copies, a file read) and returns what produce needs. */
export type ESAcquireFunction<A> = (record: EventSetupRecord) => A | PromiseLike<A>;
/** ESProducerExternalWork's produce: runs once acquire's work has finished, with what acquire returned. */
export type ESProduceAcquiredFunction<T, A> = (record: EventSetupRecord, acquired: A) => T | PromiseLike<T>;

export interface ESProductionOptions {
  /** The product's data label (CMSSW's `setWhatProduced(this, "label")`); appendToDataLabel is added to it. */
  readonly label?: string;
}

/** One product an ESProducer registered: what the provider wires into its record. */
export interface ESProduction {
  readonly producer: ESProducer;
  readonly record: EventSetupRecordKey;
  readonly productType: ProductType;
  /** The label consumers select with (the registered label followed by appendToDataLabel). */
  readonly dataLabel: string;
  /** The products this production reads first. */
  readonly consumes: ESConsumesCollector;
  /** Runs the production for one IOV: the product, or a promise of it. */
  run(record: EventSetupRecord): unknown;
}

/**
 * CMSSW's edm::ESProducer (with ESProducerExternalWork's asynchronous form): a module of the configuration
 * (`cms.ESProducer`) that makes EventSetup products from its parameters and other EventSetup products. The
 * constructor registers each product with `setWhatProduced` (or `setWhatAcquiredProduced`); the framework calls
 * the functions lazily, at most once per IOV of the product's record, and only when a consumer prefetches the
 * product. Functions are called with `this` bound to the producer, so `this.produce` may be passed unbound.
 *
 * Asynchronous production, for the alpaka layer: a produce function may return a Promise; or, as
 * ESProducerExternalWork, `acquire` enqueues the work (device copies on a queue) and returns a value or a
 * Promise that resolves when the work is done (from the queue's host callback), and `produce` then builds the
 * product from it. Consumers wait for the promise; nothing blocks, and a producer that returns plain values
 * costs no promise at all.
 */
export abstract class ESProducer {
  static readonly edmType = 'ESProducer';
  readonly parameters: ParameterSet;
  /** CMSSW's `appendToDataLabel` (tracked string, default ""): appended to every label this module registers. */
  readonly appendToDataLabel: string;
  /** Set by the provider once the module is constructed; until then what the parameters say. */
  componentDescription: ComponentDescription;
  readonly #productions: ESProduction[] = [];

  constructor(parameters: ParameterSet) {
    this.parameters = parameters;
    this.appendToDataLabel = parameters.exists('appendToDataLabel')
      ? parameters.getParameter<string>('appendToDataLabel', 'string')
      : '';
    this.componentDescription = componentDescriptionFromParameters(parameters, new.target.name);
  }

  /** What this producer registered, in order. */
  productions(): readonly ESProduction[] {
    return this.#productions;
  }

  /**
   * Registers a product of `record` made by `produce` (CMSSW's setWhatProduced). Returns the collector through
   * which the producer declares the EventSetup products `produce` reads.
   */
  protected setWhatProduced<T>(
    record: EventSetupRecordKey,
    productType: ProductType<T>,
    produce: ESProduceFunction<T>,
    options: ESProductionOptions = {},
  ): ESConsumesCollector {
    return this.#register(record, productType, options, (eventSetupRecord) => produce.call(this, eventSetupRecord));
  }

  /**
   * Registers a product made in two steps (ESProducerExternalWork's setWhatAcquiredProduced): `acquire` starts
   * asynchronous work and returns what `produce` needs, or a Promise of it; `produce` runs when it resolves.
   * An error thrown by either, or a rejected promise, is the product's failure.
   */
  protected setWhatAcquiredProduced<T, A>(
    record: EventSetupRecordKey,
    productType: ProductType<T>,
    acquire: ESAcquireFunction<A>,
    produce: ESProduceAcquiredFunction<T, A>,
    options: ESProductionOptions = {},
  ): ESConsumesCollector {
    return this.#register(record, productType, options, (eventSetupRecord) => {
      const acquired = acquire.call(this, eventSetupRecord);
      if (isPromiseLike(acquired)) {
        return Promise.resolve(acquired).then((value) => produce.call(this, eventSetupRecord, value));
      }
      return produce.call(this, eventSetupRecord, acquired);
    });
  }

  #register(
    record: EventSetupRecordKey,
    productType: ProductType,
    options: ESProductionOptions,
    run: (record: EventSetupRecord) => unknown,
  ): ESConsumesCollector {
    const owner = `ESProducer ${describeComponent(this.componentDescription)}`;
    if (!isEventSetupRecordKey(record)) {
      throw new FrameworkError('Configuration', `${owner}: setWhatProduced needs a record key from defineRecord.`);
    }
    if (!isProductType(productType)) {
      throw new FrameworkError(
        'Configuration',
        `${owner}: setWhatProduced needs a product type (a class or namedProductType), got ${typeof productType}.`,
      );
    }
    const dataLabel = `${options.label ?? ''}${this.appendToDataLabel}`;
    const duplicate = this.#productions.find(
      (production) =>
        production.record === record && production.productType === productType && production.dataLabel === dataLabel,
    );
    if (duplicate !== undefined) {
      throw new FrameworkError(
        'Configuration',
        `${owner} registers data of type "${productTypeName(productType)}" in record "${record.recordName}" with product label "${dataLabel}" twice; give the second a different label.`,
      );
    }
    const consumes = new ESConsumesCollector(record, owner);
    this.#productions.push(Object.freeze({ producer: this, record, productType, dataLabel, consumes, run }));
    return consumes;
  }
}

export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
