import { FrameworkError } from '../errors/framework-error';
import { type EventID, formatEventID } from '../event/event-id';
import type { ActivityRegistry } from '../scheduling/activity-registry';

/**
 * What a job waits for, from the ActivityRegistry: the events in flight per stream, and the ExternalWork
 * modules whose acquire returned but whose produce has not started (their holder is still held). When the
 * JavaScript event loop runs empty while a job still waits (nothing left that could finish it: a holder never
 * released, a promise never settled), `stalledError()` says what is stuck; CMSSW would hang there, a Node
 * process would exit silently with code 13.
 */
export class StalledJobWatch {
  readonly #events = new Map<number, EventID>();
  readonly #waitingForHolder = new Map<string, { stream: number; module: string }>();
  readonly #disconnect: Array<() => void>;

  constructor(activity: ActivityRegistry) {
    this.#disconnect = [
      activity.preEvent.connect(({ stream, eventID }) => this.#events.set(stream, eventID)),
      activity.postEvent.connect(({ stream }) => {
        this.#events.delete(stream);
        for (const [key, entry] of this.#waitingForHolder)
          if (entry.stream === stream) this.#waitingForHolder.delete(key);
      }),
      activity.postModule.connect(({ kind, stream, moduleLabel, moduleType }) => {
        if (kind === 'acquire') {
          this.#waitingForHolder.set(`${stream}:${moduleLabel}`, { stream, module: `${moduleType}/'${moduleLabel}'` });
        }
      }),
      activity.preModule.connect(({ kind, stream, moduleLabel }) => {
        if (kind === 'event') this.#waitingForHolder.delete(`${stream}:${moduleLabel}`);
      }),
    ];
  }

  disconnect(): void {
    for (const disconnect of this.#disconnect) disconnect();
  }

  /** The error for a job whose event loop ran empty while it was `doing` (a stage of the job). */
  stalledError(doing: string): FrameworkError {
    const lines = [...this.#events].map(([stream, eventID]) => {
      const holders = [...this.#waitingForHolder.values()].filter((entry) => entry.stream === stream);
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
