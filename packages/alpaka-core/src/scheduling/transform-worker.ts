import type { TransformRegistration } from '../modules/ed-consumer-base';
import type { WaitingTaskWithArenaHolder } from '../modules/waiting-task-with-arena-holder';
import { isThenable } from './pending-work';
import { Worker, type WorkerStream } from './worker';

/** What a transform worker calls: a registration's synchronous transform, or its pre and post. */
export type TransformCall = Pick<TransformRegistration, 'transform' | 'pre' | 'post'>;

/**
 * CMSSW's TransformingProductResolver: the worker that makes a Transformer product from its module's product,
 * run only when a consumer prefetches it. Nothing is made when the module did not put the source product.
 */
export class TransformWorker extends Worker {
  readonly #registration: TransformCall;
  readonly #sourceSlot: number;
  readonly #resultSlot: number;
  #cache: unknown = undefined;
  #haveSource = false;

  constructor(
    label: string,
    type: string,
    stream: WorkerStream,
    registration: TransformCall,
    sourceSlot: number,
    resultSlot: number,
  ) {
    super(label, type, stream, { externalWork: registration.pre !== undefined, isFilter: false, transform: true });
    this.#registration = registration;
    this.#sourceSlot = sourceSlot;
    this.#resultSlot = resultSlot;
  }

  protected override callAcquire(holder: WaitingTaskWithArenaHolder): unknown {
    const product = this.stream.principal.products[this.#sourceSlot];
    this.#haveSource = product !== undefined;
    this.#cache = undefined;
    if (!this.#haveSource) return undefined;
    const pre = this.#registration.pre as NonNullable<TransformCall['pre']>;
    this.#cache = pre(product, holder, this.stream.streamID);
    return undefined;
  }

  protected override callModule(): unknown {
    const stream = this.stream;
    let result: unknown;
    if (this.externalWork) {
      if (!this.#haveSource) return undefined;
      const post = this.#registration.post as NonNullable<TransformCall['post']>;
      const cache = this.#cache;
      this.#cache = undefined;
      result = post(cache, stream.streamID);
    } else {
      const product = stream.principal.products[this.#sourceSlot];
      if (product === undefined) return undefined;
      const transform = this.#registration.transform as NonNullable<TransformCall['transform']>;
      result = transform(product, stream.streamID);
    }
    if (isThenable(result)) return Promise.resolve(result).then((value) => this.#store(value));
    this.#store(result);
    return undefined;
  }

  #store(value: unknown): void {
    if (value !== undefined && value !== null) this.stream.principal.products[this.#resultSlot] = value;
  }
}
