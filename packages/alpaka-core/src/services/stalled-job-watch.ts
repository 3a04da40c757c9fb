import { FrameworkError } from '../errors/framework-error';
import { type EventID, formatEventID } from '../event/event-id';
import type { ActivityRegistry } from '../scheduling/activity-registry';

/** An ExternalWork module whose acquire returned while a holder copy is still held. */
export interface HeldHolder {
  readonly stream: number;
  readonly module: string;
}

/**
 * What a job waits for: the events in flight per stream (from the ActivityRegistry, per event only, so module
 * calls cost nothing more) and, asked when needed, the ExternalWork modules still holding a holder. When the
 * JavaScript event loop runs empty while a job still waits (nothing left that could finish it: a holder never
 * released, a promise never settled), `stalledError()` says what is stuck; CMSSW would hang there, a Node
 * process would exit silently with code 13.
 */
export class StalledJobWatch {
  readonly #events = new Map<number, EventID>();
  readonly #heldHolders: () => readonly HeldHolder[];
  readonly #disconnect: Array<() => void>;

  constructor(activity: ActivityRegistry, heldHolders: () => readonly HeldHolder[]) {
    this.#heldHolders = heldHolders;
    this.#disconnect = [
      activity.preEvent.connect(({ stream, eventID }) => this.#events.set(stream, eventID)),
      activity.postEvent.connect(({ stream }) => this.#events.delete(stream)),
    ];
  }

  disconnect(): void {
    for (const disconnect of this.#disconnect) disconnect();
  }

  /** The error for a job whose event loop ran empty while it was `doing` (a stage of the job). */
  stalledError(doing: string): FrameworkError {
    const held = this.#heldHolders();
    const lines = [...this.#events].map(([stream, eventID]) => {
      const holders = held.filter((entry) => entry.stream === stream);
      const waiting =
        holders.length > 0
          ? `, waiting for ExternalWork ${holders.map((entry) => entry.module).join(', ')} (acquire returned, its holder was never released)`
          : '';
      return `  stream ${stream}: Event ${formatEventID(eventID)}${waiting}\n`;
    });
    return new FrameworkError(
      'EventProcessorFailure',
      `The job stopped while ${doing}: nothing is left that could finish its work (the event loop is empty).\n` +
        (lines.length > 0 ? `Events in flight:\n${lines.join('')}` : '') +
        'A module kept an ExternalWork holder (holder.copy()) without calling doneWaiting(), or returned a promise ' +
        'that never settles; release every holder, also on errors (doneWaiting(error)).\n',
    );
  }
}
