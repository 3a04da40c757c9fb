import type { ActivityRegistry } from '../scheduling/activity-registry';

/**
 * The wall time spent producing EventSetup data (ES module calls: the preESModule/postESModule signals), overlapping calls counted
 * once: what alpaka-run takes out of its timed window, since pixeltrack's window excludes ES production (its
 * ESProducers run at construction; ours run lazily, in the first events of each IOV).
 */
export class EventSetupTime {
  readonly #now: () => bigint;
  readonly #disconnect: Array<() => void>;
  #active = 0;
  #since = 0n;
  #total = 0n;

  constructor(activity: ActivityRegistry, nowNanoseconds: () => bigint) {
    this.#now = nowNanoseconds;
    this.#disconnect = [
      activity.preESModule.connect(() => {
        if (this.#active++ === 0) this.#since = this.#now();
      }),
      activity.postESModule.connect(() => {
        if (this.#active === 0) return;
        if (--this.#active === 0) this.#total += this.#now() - this.#since;
      }),
    ];
  }

  /** Nanoseconds of ES production so far (a call still running counts up to now). */
  nanoseconds(): bigint {
    return this.#active > 0 ? this.#total + (this.#now() - this.#since) : this.#total;
  }

  disconnect(): void {
    for (const disconnect of this.#disconnect) disconnect();
  }
}
