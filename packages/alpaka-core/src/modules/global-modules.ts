import type { ModuleEdmType } from '../configuration/process-description';
import type { ConstEvent, Event } from '../event/event';
import type { EventSetup } from '../event-setup/event-setup-provider';
import { EDConsumerBase } from './ed-consumer-base';
import type { MaybePromise, ModuleConcurrency } from './module-abilities';
import { ProducerBase } from './producer-base';
import type { WaitingTaskWithArenaHolder } from './waiting-task-with-arena-holder';

/**
 * CMSSW's edm::global module bases: one instance for the job, called concurrently for events of different
 * streams, so member data should be immutable after construction. As in C++, the stream id comes first:
 * `produce(streamID, event, eventSetup)`, `filter(streamID, event, eventSetup)`, `analyze(streamID, event,
 * eventSetup)`, `acquire(streamID, event, eventSetup, holder)`. StreamCache ability: `streamCache(streamID)`
 * holds per-stream state, set with `setStreamCache` (typically in beginStream(streamID); EDConsumerBase).
 *
 * ExternalWork: extend `EDProducerExternalWork` / `EDFilterExternalWork` and implement `acquire`, which runs
 * before produce/filter with a holder (see WaitingTaskWithArenaHolder); TypeScript checks that acquire exists.
 */
/** CMSSW's edm::global::EDProducer: puts products with the tokens `produces` returned. */
export abstract class EDProducer extends ProducerBase {
  static readonly edmType: ModuleEdmType = 'EDProducer';
  static readonly moduleConcurrency: ModuleConcurrency = 'global';
  static readonly externalWork: boolean = false;
  abstract produce(streamID: number, event: Event, eventSetup: EventSetup): MaybePromise<void>;
}

/** CMSSW's edm::global::EDFilter: a producer whose filter() result decides whether its path goes on. */
export abstract class EDFilter extends ProducerBase {
  static readonly edmType: ModuleEdmType = 'EDFilter';
  static readonly moduleConcurrency: ModuleConcurrency = 'global';
  static readonly externalWork: boolean = false;
  /** True: the path goes on; false: the rest of the path is skipped (unless the path ignores it). */
  abstract filter(streamID: number, event: Event, eventSetup: EventSetup): MaybePromise<boolean>;
}

/** CMSSW's edm::global::EDAnalyzer: reads products, cannot put any. */
export abstract class EDAnalyzer extends EDConsumerBase {
  static readonly edmType: ModuleEdmType = 'EDAnalyzer';
  static readonly moduleConcurrency: ModuleConcurrency = 'global';
  static readonly externalWork: boolean = false;
  abstract analyze(streamID: number, event: ConstEvent, eventSetup: EventSetup): MaybePromise<void>;
}

/** EDProducer with CMSSW's edm::ExternalWork ability: acquire(), then produce once the holder's work is done. */
export abstract class EDProducerExternalWork extends EDProducer {
  static override readonly externalWork: boolean = true;
  /** Starts work outside the module (device, timer); keep `holder.copy()` and call doneWaiting() when it is done. */
  abstract acquire(
    streamID: number,
    event: ConstEvent,
    eventSetup: EventSetup,
    holder: WaitingTaskWithArenaHolder,
  ): MaybePromise<void>;
}

/** EDFilter with CMSSW's edm::ExternalWork ability: acquire(), then filter once the holder's work is done. */
export abstract class EDFilterExternalWork extends EDFilter {
  static override readonly externalWork: boolean = true;
  /** Starts work outside the module (device, timer); keep `holder.copy()` and call doneWaiting() when it is done. */
  abstract acquire(
    streamID: number,
    event: ConstEvent,
    eventSetup: EventSetup,
    holder: WaitingTaskWithArenaHolder,
  ): MaybePromise<void>;
}
