import type { ActivityRegistry } from '../scheduling/activity-registry';
import { type HeldHolder, StalledJobWatch } from './stalled-job-watch';

/**
 * Races each stage of a job (beginJob, processing events, endJob) against the event loop running empty: when
 * it does while a stage is pending, the stage rejects with StalledJobWatch's error instead of the process
 * exiting silently. Without an idle notification (tests, embedding) it only passes the promises through.
 */
export class StallGuard {
  readonly #watch: StalledJobWatch | undefined;
  readonly #disconnectIdle: (() => void) | undefined;
  #pending: { readonly doing: string; readonly reject: (error: Error) => void } | undefined;

  constructor(
    activity: ActivityRegistry,
    onEventLoopIdle: ((listener: () => void) => () => void) | undefined,
    heldHolders: () => readonly HeldHolder[],
  ) {
    if (onEventLoopIdle === undefined) return;
    const watch = new StalledJobWatch(activity, heldHolders);
    this.#watch = watch;
    this.#disconnectIdle = onEventLoopIdle(() => {
      const pending = this.#pending;
      this.#pending = undefined;
      pending?.reject(watch.stalledError(pending.doing));
    });
  }

  /** The stage's promise, or its rejection with the stalled-job error if the event loop runs empty first. */
  watch<T>(stage: Promise<T>, doing: string): Promise<T> {
    if (this.#watch === undefined) return stage;
    return new Promise<T>((resolve, reject) => {
      const pending = { doing, reject };
      this.#pending = pending;
      const settle = () => {
        if (this.#pending === pending) this.#pending = undefined;
      };
      stage.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }

  disconnect(): void {
    this.#disconnectIdle?.();
    this.#watch?.disconnect();
  }
}
