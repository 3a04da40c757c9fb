import type { GpuNativeAddon } from './native-binding';
import type { PitchedBytes } from './pitched-copy';

/** One pitched region of host memory, as the addon's host copies take it. */
export type HostCopySide = PitchedBytes;

/**
 * Host callbacks from the driver's thread to JavaScript: each has an id and a function; the process is kept
 * alive while any is pending, and not otherwise (an idle backend must not hold Node open). Holding callbacks
 * are counted until released: while one is, a driver call that synchronizes the device (loading a module)
 * would wait for a stream that waits for JavaScript, forever.
 */
export class HostCallbacks {
  private nextId = 1;
  private readonly pending = new Map<number, () => void>();
  /** Holding callbacks not yet released: their id and device. */
  private readonly holds = new Map<number, number>();

  constructor(private readonly addon: GpuNativeAddon) {
    addon.setHostCallbackDispatcher((id) => {
      const callback = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) addon.keepAlive(false);
      callback?.();
    });
  }

  /** Holding callbacks enqueued on `device` and not yet released: its streams that wait (or will) for JavaScript. */
  holdingOn(device: number): number {
    let count = 0;
    for (const holder of this.holds.values()) if (holder === device) count++;
    return count;
  }

  /** Enqueues `callback` to run when the stream reaches this point; with holds, the stream waits until release(id). */
  enqueue(device: number, stream: bigint, holds: boolean, callback: (id: number) => void): void {
    const id = this.register(callback);
    if (holds) this.holds.set(id, device);
    this.submit(id, () => this.addon.enqueueHostCallback(device, stream, id, holds));
  }

  /**
   * Copies `source` to `destination` over `extent` ([depth, height, width bytes]) on the driver's thread when the
   * stream gets there, then calls `callback`, which does not hold the stream. The callback's closure keeps both
   * memories alive until the copy is done.
   */
  enqueueCopy(
    device: number,
    stream: bigint,
    destination: HostCopySide,
    source: HostCopySide,
    extent: readonly [number, number, number],
    callback: () => void,
  ): void {
    const memories = [destination.bytes, source.bytes];
    const id = this.register(() => {
      memories.length = 0;
      callback();
    });
    this.submit(id, () =>
      this.addon.enqueueHostCopy(
        device,
        stream,
        id,
        destination.bytes,
        destination.byteOffset,
        destination.rowPitchBytes,
        destination.slicePitchBytes,
        source.bytes,
        source.byteOffset,
        source.rowPitchBytes,
        source.slicePitchBytes,
        extent[2],
        extent[1],
        extent[0],
      ),
    );
  }

  release(id: number): void {
    this.holds.delete(id);
    this.addon.releaseHostCallback(id);
  }

  private register(callback: (id: number) => void): number {
    const id = this.nextId++;
    if (this.pending.size === 0) this.addon.keepAlive(true);
    this.pending.set(id, () => callback(id));
    return id;
  }

  private submit(id: number, enqueue: () => void): void {
    try {
      enqueue();
    } catch (error) {
      this.pending.delete(id);
      this.holds.delete(id);
      if (this.pending.size === 0) this.addon.keepAlive(false);
      throw error;
    }
  }
}
