import { FrameworkError } from '../errors/framework-error';
import { isProductType, type ProductType, productTypeName } from '../modules/product-type';
import { ESInputTag } from '../parameter-set/es-input-tag';
import { ESGetToken } from './es-get-token';
import { isEventSetupRecordKey, recordDependsOn } from './event-setup-record-implementation';
import type { EventSetupRecordKey } from './event-setup-record-key';

/**
 * CMSSW's ESConsumesCollectorT<Record>, what `setWhatProduced` returns: the producer declares through it the
 * EventSetup products its produce function reads, so the framework makes them first. A product may come from
 * the producer's own record or from a record that record depends on (`consumesFrom`).
 */
export class ESConsumesCollector {
  readonly record: EventSetupRecordKey;
  readonly #tokens: ESGetToken[] = [];
  readonly #owner: string;

  constructor(record: EventSetupRecordKey, owner: string) {
    this.record = record;
    this.#owner = owner;
  }

  /** A product of the producer's own record (CMSSW's `consumes<T>(ESInputTag)`). */
  consumes<T>(productType: ProductType<T>, tag: ESInputTag | string = new ESInputTag()): ESGetToken<T> {
    return this.consumesFrom(this.record, productType, tag);
  }

  /** A product of a record the producer's record depends on (CMSSW's `consumesFrom<T, R>(tag)`). */
  consumesFrom<T>(
    record: EventSetupRecordKey,
    productType: ProductType<T>,
    tag: ESInputTag | string = new ESInputTag(),
  ): ESGetToken<T> {
    if (!isEventSetupRecordKey(record)) {
      throw new FrameworkError('Configuration', `${this.#owner}: consumesFrom needs a record key from defineRecord.`);
    }
    if (!recordDependsOn(this.record, record)) {
      throw new FrameworkError(
        'Configuration',
        `${this.#owner} produces into record "${this.record.recordName}", which does not depend on record "${record.recordName}": an ESProducer can only read products of its own record and of the records it depends on.`,
      );
    }
    if (!isProductType(productType)) {
      throw new FrameworkError(
        'Configuration',
        `${this.#owner}: consumes needs a product type (a class or namedProductType), got ${typeof productType}.`,
      );
    }
    const inputTag = typeof tag === 'string' ? ESInputTag.parse(tag) : tag;
    const token = new ESGetToken<T>(record, productType, inputTag, this.#tokens.length);
    this.#tokens.push(token);
    return token;
  }

  /** The tokens declared so far, in order (their `index`). */
  get tokens(): readonly ESGetToken[] {
    return this.#tokens;
  }

  toString(): string {
    return `consumes of ${this.#owner} (${this.#tokens.map((token) => productTypeName(token.productType)).join(', ')})`;
  }
}
