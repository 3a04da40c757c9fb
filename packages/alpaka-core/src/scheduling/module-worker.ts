import type { Event } from '../event/event';
import { frameworkMethodOf } from '../modules/framework-methods';
import type { WaitingTaskWithArenaHolder } from '../modules/waiting-task-with-arena-holder';
import { Worker, type WorkerStream } from './worker';

/** Which method an EDProducer, EDFilter or EDAnalyzer worker calls. */
export type ModuleMethod = 'produce' | 'filter' | 'analyze';

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * The worker of an EDProducer, EDFilter or EDAnalyzer in one stream: global modules get the stream id first
 * (`produce(streamID, event, eventSetup)`), stream and one modules do not (`produce(event, eventSetup)`).
 */
export class ModuleWorker extends Worker {
  readonly module: object;
  readonly event: Event;
  readonly #method: AnyMethod;
  readonly #acquireMethod: AnyMethod | undefined;
  readonly #passStreamID: boolean;

  constructor(
    label: string,
    type: string,
    stream: WorkerStream,
    module: object,
    event: Event,
    method: ModuleMethod,
    options: { readonly externalWork: boolean; readonly passStreamID: boolean },
  ) {
    super(label, type, stream, { externalWork: options.externalWork, isFilter: method === 'filter' });
    this.module = module;
    this.event = event;
    this.#method = frameworkMethodOf(module, method) as AnyMethod;
    this.#acquireMethod = options.externalWork ? (frameworkMethodOf(module, 'acquire') as AnyMethod) : undefined;
    this.#passStreamID = options.passStreamID;
  }

  protected override callModule(): unknown {
    const stream = this.stream;
    return this.#passStreamID
      ? this.#method.call(this.module, stream.streamID, this.event, stream.eventSetup)
      : this.#method.call(this.module, this.event, stream.eventSetup);
  }

  protected override callAcquire(holder: WaitingTaskWithArenaHolder): unknown {
    const stream = this.stream;
    const acquire = this.#acquireMethod as AnyMethod;
    return this.#passStreamID
      ? acquire.call(this.module, stream.streamID, this.event, stream.eventSetup, holder)
      : acquire.call(this.module, this.event, stream.eventSetup, holder);
  }
}
