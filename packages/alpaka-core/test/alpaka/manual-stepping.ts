// Driving the mock accelerator with manual stepping, and gates that hold a queue until the test opens them: how
// the alpaka tests show what has not happened yet without timing anything.

import type { MockAcceleratorBackend } from '@alpaka-ts/interface/testing';

/** Gates a producer's queue per event: its host task settles only once the test opens the gate. */
export const gates = {
  open: new Map<number, () => void>(),
  promises: new Map<number, Promise<void>>(),
  wait(eventNumber: number): Promise<void> {
    let promise = this.promises.get(eventNumber);
    if (promise === undefined) {
      promise = new Promise<void>((resolve) => this.open.set(eventNumber, resolve));
      this.promises.set(eventNumber, promise);
    }
    return promise;
  },
  release(eventNumber: number): void {
    void this.wait(eventNumber);
    this.open.get(eventNumber)?.();
  },
  reset(): void {
    this.open.clear();
    this.promises.clear();
  },
};

/** The next macrotask: the mock's queues advance at most one step per macrotask. */
export const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Lets the framework go as far as it can without the device (nothing is stepped): `rounds` macrotasks. */
export async function idle(rounds = 30): Promise<void> {
  for (let round = 0; round < rounds; round++) await nextMacrotask();
}

/** Waits (without stepping the device) until `condition` holds; fails after `rounds` macrotasks. */
export async function waitUntil(condition: () => boolean, what: string, rounds = 500): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    if (condition()) return;
    await nextMacrotask();
  }
  throw new Error(`waited ${rounds} macrotasks and still not: ${what}`);
}

/** Steps a manual mock once per macrotask until `run` settles; returns its outcome. */
export async function stepUntilSettled<T>(mock: MockAcceleratorBackend, run: Promise<T>): Promise<T> {
  let settled = false;
  run.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  for (let round = 0; !settled; round++) {
    if (round > 100_000) throw new Error('the job did not finish after 100000 steps');
    mock.step();
    await nextMacrotask();
  }
  return run;
}
