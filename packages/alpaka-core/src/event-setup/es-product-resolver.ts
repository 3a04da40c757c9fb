import { convertException } from '../errors/convert-exception';
import { copyFrameworkError, FrameworkError } from '../errors/framework-error';
import { productTypeName } from '../modules/product-type';
import type { ActivityRegistry, ModuleCallContext } from '../scheduling/activity-registry';
import { type ComponentDescription, describeComponent } from './component-description';
import type { ESGetToken } from './es-get-token';
import { type ESProduction, isPromiseLike } from './es-producer';
import {
  type EventSetupRecordImpl,
  productDone,
  productFailed,
  productNotStarted,
  productRunning,
} from './event-setup-record-impl';
import { makeDataException } from './make-data-exception';

/** What a token resolves to, once per token for the job (the provider caches it). */
export interface ResolvedESToken {
  /** The record's index in the provider; -1 when nothing in the job provides the record. */
  readonly recordIndex: number;
  /** Whether an ESSource or ESProducer delivers the record (chooses the NoRecord message's continuation). */
  readonly knownRecord: boolean;
  /** What makes the product; undefined when nothing does. */
  readonly resolver: ESProductResolver | undefined;
  /** The error for a token without a resolver (a new one each call, since callers add context). */
  failure(): FrameworkError;
  /** Several modules deliver it and the token does not say which: a configuration error, even at prefetch. */
  readonly ambiguous?: boolean;
}

export interface ESTokenResolver {
  resolveToken(token: ESGetToken): ResolvedESToken;
  /** Where ES module calls are signalled (preModule/postModule, kind 'eventSetup'), when a job has one. */
  readonly activity?: ActivityRegistry | undefined;
}

const noop = (): void => {};

/**
 * CMSSW's ESProductResolver (formerly DataProxy) for an ESProducer's production: makes the product of one
 * (type, record, label) lazily, at most once per IOV of the record, its dependencies first. The product lives
 * in the record's per-IOV storage (`slot`), so concurrent events of one IOV share it and two prefetches of a
 * product being made share one promise. A production that completes synchronously costs no promise.
 */
export class ESProductResolver {
  readonly production: ESProduction;
  readonly description: ComponentDescription;
  readonly recordIndex: number;
  readonly slot: number;
  readonly #tokens: ESTokenResolver;

  constructor(
    production: ESProduction,
    description: ComponentDescription,
    recordIndex: number,
    slot: number,
    tokens: ESTokenResolver,
  ) {
    this.production = production;
    this.description = description;
    this.recordIndex = recordIndex;
    this.slot = slot;
    this.#tokens = tokens;
  }

  /**
   * Makes the product for this record's IOV if needed: undefined once it is there, else a promise that
   * settles when it is. Each caller that sees a failure gets its own copy of the error, since callers add
   * their own context (the event, the path, the module) to it.
   */
  prefetch(record: EventSetupRecordImpl): Promise<void> | undefined {
    const slot = this.slot;
    const state = record.states[slot];
    if (state === productDone) return undefined;
    if (state === productFailed) return Promise.reject(this.#copyOfFailure(record));
    if (state === productRunning) {
      const pending = record.pending[slot];
      // Running without a promise yet: this product's own dependencies asked for it.
      if (pending === undefined) return Promise.reject(this.#circularDependency());
      return pending.then(() => this.#outcome(record));
    }
    const settled = this.#start(record);
    if (settled !== undefined) return settled.then(() => this.#outcome(record));
    return record.states[slot] === productFailed ? Promise.reject(this.#copyOfFailure(record)) : undefined;
  }

  /** The product for this record's IOV, making it now when that needs no waiting; else CMSSW's error. */
  valueIn(record: EventSetupRecordImpl): unknown {
    const slot = this.slot;
    if (record.states[slot] === productNotStarted) this.prefetch(record)?.then(undefined, noop);
    const state = record.states[slot];
    if (state === productDone) {
      const value = record.values[slot];
      // A producer that returned no product (CMSSW's null unique_ptr): reading it is CMSSW's MakeDataException.
      if (value === null || value === undefined) throw this.#madeNothing();
      return value;
    }
    if (state === productFailed) throw this.#copyOfFailure(record);
    throw new FrameworkError(
      'LogicError',
      `The EventSetup product of type "${productTypeName(this.production.productType)}" in record "${this.production.record.recordName}" with product label "${this.production.dataLabel}" is still being made by ${describeComponent(this.description)}: declare it with esConsumes so the framework prefetches it before the module runs.`,
    );
  }

  #outcome(record: EventSetupRecordImpl): void {
    if (record.states[this.slot] === productFailed) throw this.#copyOfFailure(record);
  }

  #copyOfFailure(record: EventSetupRecordImpl): FrameworkError {
    return copyFrameworkError(record.errors[this.slot] as FrameworkError);
  }

  /** Starts making the product; the promise (which never rejects) settles when it is done or failed. */
  #start(record: EventSetupRecordImpl): Promise<void> | undefined {
    const slot = this.slot;
    record.states[slot] = productRunning;
    let dependencies: Promise<void> | undefined;
    try {
      dependencies = this.#prefetchDependencies(record);
    } catch (thrown) {
      this.#fail(record, thrown, 'Prefetching');
      return undefined;
    }
    if (dependencies === undefined) return this.#run(record);
    const waiting = dependencies.then(
      () => this.#run(record),
      (thrown: unknown) => this.#fail(record, thrown, 'Prefetching'),
    );
    record.pending[slot] = waiting;
    return waiting;
  }

  #prefetchDependencies(record: EventSetupRecordImpl): Promise<void> | undefined {
    const tokens = this.production.consumes.tokens;
    let waits: Promise<void>[] | undefined;
    for (const token of tokens) {
      const resolved = this.#tokens.resolveToken(token);
      const dependencyRecord = resolved.recordIndex < 0 ? undefined : record.recordFor(resolved.recordIndex);
      if (dependencyRecord === undefined || resolved.resolver === undefined) throw resolved.failure();
      const wait = resolved.resolver.prefetch(dependencyRecord);
      if (wait === undefined) continue;
      if (waits === undefined) waits = [wait];
      else waits.push(wait);
    }
    if (waits === undefined) return undefined;
    return waits.length === 1 ? waits[0] : Promise.all(waits).then(noop);
  }

  #run(record: EventSetupRecordImpl): Promise<void> | undefined {
    const activity = this.#tokens.activity;
    const context: ModuleCallContext | undefined = activity?.preESModule.connected
      ? {
          moduleLabel: this.description.label,
          moduleType: this.description.type,
          kind: 'eventSetup',
          stream: -1,
          eventID: undefined,
        }
      : undefined;
    if (context !== undefined) activity?.preESModule.emit(context);
    const signalDone = () => {
      if (context !== undefined) activity?.postESModule.emit(context);
    };
    let result: unknown;
    try {
      result = this.production.run(record);
    } catch (thrown) {
      signalDone();
      this.#fail(record, thrown, 'Calling');
      return undefined;
    }
    if (!isPromiseLike(result)) {
      signalDone();
      this.#done(record, result);
      return undefined;
    }
    const making = Promise.resolve(result).then(
      (value) => {
        signalDone();
        this.#done(record, value);
      },
      (thrown: unknown) => {
        signalDone();
        this.#fail(record, thrown, 'Calling');
      },
    );
    record.pending[this.slot] = making;
    return making;
  }

  #done(record: EventSetupRecordImpl, value: unknown): void {
    record.values[this.slot] = value;
    record.states[this.slot] = productDone;
    record.pending[this.slot] = undefined;
  }

  /** Records the failure once for the IOV, with CMSSW's ES context line (ESModuleCallingContext). */
  #fail(record: EventSetupRecordImpl, thrown: unknown, step: 'Calling' | 'Prefetching'): void {
    const error = convertException(thrown);
    error.addContext(
      `${step === 'Calling' ? 'Calling method' : 'Prefetching'} for EventSetup module ${describeComponent(this.description)}`,
    );
    record.errors[this.slot] = error;
    record.states[this.slot] = productFailed;
    record.pending[this.slot] = undefined;
  }

  #madeNothing(): FrameworkError {
    const production = this.production;
    return makeDataException(
      production.record.recordName,
      productTypeName(production.productType),
      production.dataLabel,
    );
  }

  #circularDependency(): FrameworkError {
    return new FrameworkError(
      'LogicError',
      `The EventSetup product of type "${productTypeName(this.production.productType)}" in record "${this.production.record.recordName}" with product label "${this.production.dataLabel}" depends on itself through the products ${describeComponent(this.description)} consumes.`,
    );
  }
}
