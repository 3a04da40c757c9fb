import { FrameworkError } from '../errors/framework-error';
import type { EventID } from '../event/event-id';
import { Handle } from '../event/handle';
import { productNotFoundError } from '../event/product-not-found';
import { TriggerResults } from '../event/trigger-results';
import { EDGetToken } from '../modules/ed-get-token';
import type { ProductType } from '../modules/product-type';
import type { OutputEvent, OutputProduct } from '../output/output-module';
import { InputTag } from '../parameter-set/input-tag';

/**
 * CMSSW's edm::test::Event: what test() returns. `get` reads a product the module under test put (by the
 * module's label and the test's process; the instance is the only thing to say), throwing CMSSW's
 * ProductNotFound when it did not put it; `modulePassed` is a filter's decision.
 */
export class TestEvent {
  readonly id: EventID;
  readonly moduleLabel: string;
  readonly processName: string;
  readonly #products: readonly OutputProduct[];
  readonly #passed: boolean;

  constructor(written: OutputEvent, moduleLabel: string, processName: string) {
    this.id = written.id;
    this.moduleLabel = moduleLabel;
    this.processName = processName;
    this.#products = written.products;
    const triggerResults = written.products.find((product) => product.productType === TriggerResults)?.product;
    if (!(triggerResults instanceof TriggerResults)) {
      throw new FrameworkError('LogicError', 'TestProcessor: the event reached the output without its TriggerResults.');
    }
    this.#passed = triggerResults.accept(0);
  }

  /** The product the module put with this type and instance; throws ProductNotFound (8006) when it did not. */
  get<T>(productType: ProductType<T>, instance = ''): T {
    const product = this.#find(productType, instance);
    if (product === undefined) throw productNotFoundError(this.#token(productType, instance));
    return product.product as T;
  }

  /** As `get`, as a Handle: invalid (throwing ProductNotFound when dereferenced) when the module did not put it. */
  getHandle<T>(productType: ProductType<T>, instance = ''): Handle<T> {
    const product = this.#find(productType, instance);
    if (product !== undefined) return new Handle<T>(product.product as T, undefined);
    return new Handle<T>(undefined, () => productNotFoundError(this.#token(productType, instance)));
  }

  /** Whether the module put this product. */
  has(productType: ProductType, instance = ''): boolean {
    return this.#find(productType, instance) !== undefined;
  }

  /** Whether the module passed the event: a filter's return value; always true for a producer or analyzer. */
  modulePassed(): boolean {
    return this.#passed;
  }

  #find(productType: ProductType, instance: string): OutputProduct | undefined {
    return this.#products.find(
      (product) =>
        product.label === this.moduleLabel &&
        product.process === this.processName &&
        product.instance === instance &&
        product.productType === productType,
    );
  }

  #token(productType: ProductType, instance: string): EDGetToken {
    return new EDGetToken(productType, new InputTag(this.moduleLabel, instance, this.processName), -1, 'consumes');
  }
}
