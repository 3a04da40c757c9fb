import type { ConstEvent } from '../event/event';
import type { LuminosityBlock } from '../event/luminosity-block';
import type { Run } from '../event/run';
import type { EventSetup } from '../event-setup/event-setup-provider';
import type { WaitingTaskWithArenaHolder } from './waiting-task-with-arena-holder';

/**
 * How many instances of a module exist and how it is called (CMSSW's edm::global, edm::stream, edm::one):
 * global and one: one instance (one: one call at a time); stream: one instance per EDM stream.
 */
export type ModuleConcurrency = 'global' | 'stream' | 'one';

/** What a method may return: nothing, or a promise the framework waits for before going on. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * The transitions every module may implement (all optional). Stream modules get beginStream/endStream with
 * no argument (they are the stream's); global modules with the StreamCache ability get the stream id.
 */
export interface ModuleTransitions {
  beginJob?(): MaybePromise<void>;
  endJob?(): MaybePromise<void>;
  beginRun?(run: Run, eventSetup: EventSetup): MaybePromise<void>;
  endRun?(run: Run, eventSetup: EventSetup): MaybePromise<void>;
  beginLuminosityBlock?(luminosityBlock: LuminosityBlock, eventSetup: EventSetup): MaybePromise<void>;
  endLuminosityBlock?(luminosityBlock: LuminosityBlock, eventSetup: EventSetup): MaybePromise<void>;
}

/** The ExternalWork acquire of stream and one modules. */
export type AcquireMethod = (
  event: ConstEvent,
  eventSetup: EventSetup,
  holder: WaitingTaskWithArenaHolder,
) => MaybePromise<void>;

/** Static side the framework reads from a module class (set by the bases). */
export interface ModuleClassTraits {
  readonly moduleConcurrency?: ModuleConcurrency;
  /** The ExternalWork ability: the module has acquire(), run before produce/filter. */
  readonly externalWork?: boolean;
}
