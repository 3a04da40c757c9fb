import type { ModuleEdmType } from '../configuration/process-description';
import type { ConstEvent, Event } from '../event/event';
import type { EventSetup } from '../event-setup/event-setup-provider';
import { EDConsumerBase } from './ed-consumer-base';
import type { MaybePromise, ModuleConcurrency } from './module-abilities';
import { ProducerBase } from './producer-base';
import type { WaitingTaskWithArenaHolder } from './waiting-task-with-arena-holder';

/**
 * CMSSW's edm::one module bases: one instance for the job, and only one of its methods runs at a time (the
 * framework serialises asynchronous calls across streams). Methods as stream modules':
 * `produce(event, eventSetup)`, `filter(event, eventSetup)`, `analyze(event, eventSetup)`.
 *
 * ExternalWork: extend `EDProducerExternalWork` / `EDFilterExternalWork` and implement `acquire`, which runs
 * before produce/filter with a holder (see WaitingTaskWithArenaHolder); TypeScript checks that acquire exists.
 */
/** CMSSW's edm::one::EDProducer: puts products with the tokens `produces` returned. */
export abstract class EDProducer extends ProducerBase {
  static readonly edmType: ModuleEdmType = 'EDProducer';
  static readonly moduleConcurrency: ModuleConcurrency = 'one';
  static readonly externalWork: boolean = false;
  abstract produce(event: Event, eventSetup: EventSetup): MaybePromise<void>;
}

/** CMSSW's edm::one::EDFilter: a producer whose filter() result decides whether its path goes on. */
export abstract class EDFilter extends ProducerBase {
  static readonly edmType: ModuleEdmType = 'EDFilter';
  static readonly moduleConcurrency: ModuleConcurrency = 'one';
  static readonly externalWork: boolean = false;
  /** True: the path goes on; false: the rest of the path is skipped (unless the path ignores it). */
  abstract filter(event: Event, eventSetup: EventSetup): MaybePromise<boolean>;
}

/** CMSSW's edm::one::EDAnalyzer: reads products, cannot put any. */
export abstract class EDAnalyzer extends EDConsumerBase {
  static readonly edmType: ModuleEdmType = 'EDAnalyzer';
  static readonly moduleConcurrency: ModuleConcurrency = 'one';
  static readonly externalWork: boolean = false;
  abstract analyze(event: ConstEvent, eventSetup: EventSetup): MaybePromise<void>;
}

/** EDProducer with CMSSW's edm::ExternalWork ability: acquire(), then produce once the holder's work is done. */
export abstract class EDProducerExternalWork extends EDProducer {
  static override readonly externalWork: boolean = true;
  /** Starts work outside the module (device, timer); keep `holder.copy()` and call doneWaiting() when it is done. */
  abstract acquire(event: ConstEvent, eventSetup: EventSetup, holder: WaitingTaskWithArenaHolder): MaybePromise<void>;
}

/** EDFilter with CMSSW's edm::ExternalWork ability: acquire(), then filter once the holder's work is done. */
export abstract class EDFilterExternalWork extends EDFilter {
  static override readonly externalWork: boolean = true;
  /** Starts work outside the module (device, timer); keep `holder.copy()` and call doneWaiting() when it is done. */
  abstract acquire(event: ConstEvent, eventSetup: EventSetup, holder: WaitingTaskWithArenaHolder): MaybePromise<void>;
}
