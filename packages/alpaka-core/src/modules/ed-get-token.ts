import type { InputTag } from '../parameter-set/input-tag';
import type { ProductType } from './product-type';

/** Whether a consumer must have the product (consumes) or may do without it (mayConsume). */
export type ConsumeKind = 'consumes' | 'mayConsume';

/**
 * CMSSW's edm::EDGetTokenT<T>: what `consumes` returns and `Event.get` takes. `index` is its position among
 * the module's consumes calls, so the framework resolves it to a product slot once at schedule construction
 * and a get is an array index per event. The token belongs to the module instance that made it.
 */
export class EDGetToken<T = unknown> {
  readonly productType: ProductType<T>;
  readonly tag: InputTag;
  readonly index: number;
  readonly kind: ConsumeKind;

  constructor(productType: ProductType<T>, tag: InputTag, index: number, kind: ConsumeKind) {
    this.productType = productType;
    this.tag = tag;
    this.index = index;
    this.kind = kind;
    Object.freeze(this);
  }
}

/**
 * CMSSW's edm::EDPutTokenT<T>: what `produces` returns and `Event.put`/`emplace` take. `index` is its position
 * among the module's produces calls.
 */
export class EDPutToken<T = unknown> {
  readonly productType: ProductType<T>;
  readonly instance: string;
  readonly index: number;

  constructor(productType: ProductType<T>, instance: string, index: number) {
    this.productType = productType;
    this.instance = instance;
    this.index = index;
    Object.freeze(this);
  }
}
