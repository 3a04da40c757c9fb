import { FrameworkError } from '../errors/framework-error';
import { checkProductType, EDConsumerBase, registrationsKey } from './ed-consumer-base';
import { EDPutToken } from './ed-get-token';
import type { ProductType } from './product-type';
import type { WaitingTaskWithArenaHolder } from './waiting-task-with-arena-holder';

/**
 * CMSSW's ProducerBase: what producers and filters declare besides their inputs. `produces` returns a typed
 * put token. The Transformer ability (`registerTransform`, `registerTransformAsync`) is open to every
 * producer here (CMSSW asks for the `edm::Transformer` template argument): it declares a second product with
 * the module's label, made from one of its products by the framework only when something consumes it.
 */
export abstract class ProducerBase extends EDConsumerBase {
  /** CMSSW's `produces<T>(instance)`. */
  protected produces<T>(type: ProductType<T>, instance = ''): EDPutToken<T> {
    checkProductType(type, 'produces');
    const list = this[registrationsKey].produces;
    const token = new EDPutToken(type, instance, list.length);
    list.push(token);
    return token;
  }

  /** A product of `resultType` (label: this module's, instance: `instance`) made by `transform` when consumed. */
  protected registerTransform<S, R>(
    source: EDPutToken<S>,
    resultType: ProductType<R>,
    transform: (product: S, streamID: number) => R,
    instance = '',
  ): EDPutToken<R> {
    return this.#addTransform(
      source,
      resultType,
      instance,
      transform as (product: unknown, stream: number) => unknown,
      undefined,
      undefined,
    ) as EDPutToken<R>;
  }

  /**
   * The asynchronous form: `pre` starts the work (taking `holder.copy()` to finish it later) and returns a
   * cache; `post` makes the result from the cache once every holder reference is released.
   */
  protected registerTransformAsync<S, C, R>(
    source: EDPutToken<S>,
    resultType: ProductType<R>,
    pre: (product: S, holder: WaitingTaskWithArenaHolder, streamID: number) => C,
    post: (cache: C, streamID: number) => R,
    instance = '',
  ): EDPutToken<R> {
    return this.#addTransform(
      source,
      resultType,
      instance,
      undefined,
      pre as (product: unknown, holder: WaitingTaskWithArenaHolder, stream: number) => unknown,
      post as (cache: unknown, stream: number) => unknown,
    ) as EDPutToken<R>;
  }

  #addTransform(
    source: EDPutToken,
    resultType: ProductType,
    instance: string,
    transform: ((product: unknown, streamID: number) => unknown) | undefined,
    pre: ((product: unknown, holder: WaitingTaskWithArenaHolder, streamID: number) => unknown) | undefined,
    post: ((cache: unknown, streamID: number) => unknown) | undefined,
  ): EDPutToken {
    checkProductType(resultType, 'registerTransform');
    const registrations = this[registrationsKey];
    if (registrations.produces[source?.index] !== source) {
      throw new FrameworkError(
        'LogicError',
        "registerTransform takes a put token returned by this module's produces().",
      );
    }
    const result = new EDPutToken(resultType, instance, -1 - registrations.transforms.length);
    registrations.transforms.push({ source, result, transform, pre, post });
    return result;
  }
}
