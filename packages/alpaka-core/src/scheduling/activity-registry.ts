import type { EventID } from '../event/event-id';

/** Which call of a module a signal is about (CMSSW's transitions, acquire and transforms apart). */
export type ModuleCallKind =
  | 'construction'
  | 'beginJob'
  | 'endJob'
  | 'beginStream'
  | 'endStream'
  | 'beginRun'
  | 'endRun'
  | 'beginLuminosityBlock'
  | 'endLuminosityBlock'
  | 'acquire'
  | 'event'
  | 'transformAcquire'
  | 'transform'
  | 'eventSetup';

/** CMSSW's ModuleCallingContext, as much as the services (summary, trace, progress) read. */
export interface ModuleCallContext {
  readonly moduleLabel: string;
  readonly moduleType: string;
  readonly kind: ModuleCallKind;
  /** The EDM stream, or -1 for global transitions. */
  readonly stream: number;
  readonly eventID: EventID | undefined;
}

export interface StreamEventContext {
  readonly stream: number;
  readonly eventID: EventID;
}

/** Work a backend reports on a device queue (the alpaka layer emits it; `--trace` draws a track per queue). */
export interface DeviceWorkContext {
  readonly queueName: string;
  readonly what: string;
  readonly startNanoseconds: bigint;
  readonly endNanoseconds: bigint;
}

/**
 * One signal: callbacks connected in order, called in order. Emitting with nobody connected costs a length
 * check, so the framework can emit per module call without paying for services nobody asked for.
 */
export class Signal<Arguments extends unknown[]> {
  readonly #slots: Array<(...args: Arguments) => void> = [];

  connect(slot: (...args: Arguments) => void): () => void {
    this.#slots.push(slot);
    return () => {
      const index = this.#slots.indexOf(slot);
      if (index >= 0) this.#slots.splice(index, 1);
    };
  }

  get connected(): boolean {
    return this.#slots.length > 0;
  }

  emit(...args: Arguments): void {
    const slots = this.#slots;
    for (let index = 0; index < slots.length; index++) (slots[index] as (...args: Arguments) => void)(...args);
  }
}

/**
 * CMSSW's ActivityRegistry: the signals services watch. The event processor emits them; the runner's summary,
 * progress display and trace writer connect to them. Times are taken by the watchers (process.hrtime.bigint).
 */
export class ActivityRegistry {
  readonly preBeginJob = new Signal<[]>();
  readonly postEndJob = new Signal<[]>();
  readonly preSourceEvent = new Signal<[stream: number]>();
  readonly postSourceEvent = new Signal<[stream: number]>();
  readonly preEvent = new Signal<[context: StreamEventContext]>();
  readonly postEvent = new Signal<[context: StreamEventContext]>();
  readonly prePathEvent = new Signal<[context: StreamEventContext, pathName: string]>();
  readonly postPathEvent = new Signal<[context: StreamEventContext, pathName: string, accepted: boolean]>();
  readonly preModule = new Signal<[context: ModuleCallContext]>();
  readonly postModule = new Signal<[context: ModuleCallContext]>();
  /** CMSSW's preESModule/postESModule: an ESProducer call (kind 'eventSetup'), apart so module calls stay cheap. */
  readonly preESModule = new Signal<[context: ModuleCallContext]>();
  readonly postESModule = new Signal<[context: ModuleCallContext]>();
  readonly deviceWork = new Signal<[context: DeviceWorkContext]>();
}
