import type { ModuleEdmType } from '../configuration/process-description';
import type { Event } from '../event/event';
import type { EventID } from '../event/event-id';
import { checkProductType } from '../modules/ed-consumer-base';
import { EDPutToken } from '../modules/ed-get-token';
import type { ProductType } from '../modules/product-type';
import type { ParameterSet } from '../parameter-set/parameter-set';

/** The next event a source hands out. */
export interface SourceEvent {
  readonly id: EventID;
  /** CMSSW's edm::Timestamp value (0n when the source has none). */
  readonly time: bigint;
}

/** A product a source puts: its key (process '' = the current process) and its put token. */
export interface SourceProductDeclaration {
  readonly token: EDPutToken;
  readonly label: string;
  readonly process: string;
}

/**
 * CMSSW's edm::InputSource: hands out events (their ids and times) one at a time, and may put products,
 * including products of earlier processes (as a file written by an earlier job holds them), declared in the
 * constructor with `producesFromProcess` so consumers resolve them at schedule construction. Registered in
 * the module registry with edmType 'Source'.
 */
export abstract class InputSource {
  static readonly edmType: ModuleEdmType = 'Source';
  readonly parameters: ParameterSet;
  readonly declarations: SourceProductDeclaration[] = [];

  constructor(parameters: ParameterSet) {
    this.parameters = parameters;
  }

  /** A product this source puts, with the module label and process that made it ('' = current process). */
  protected producesFromProcess<T>(type: ProductType<T>, label: string, instance = '', process = ''): EDPutToken<T> {
    checkProductType(type, 'producesFromProcess');
    const token = new EDPutToken(type, instance, this.declarations.length);
    this.declarations.push({ token, label, process });
    return token;
  }

  /** The next event, or undefined when there is none. */
  abstract next(): SourceEvent | undefined;

  /**
   * Puts this event's products (called on the event's stream before its paths run; a returned promise, a
   * source reading from a file, makes the paths wait for it, and its rejection fails the event).
   */
  fillEvent?(event: Event, sourceEvent: SourceEvent): void | Promise<void>;

  beginJob?(): void | Promise<void>;
  endJob?(): void | Promise<void>;
}
