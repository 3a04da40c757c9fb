import type { GpuNativeAddon } from './native-binding';

/**
 * Host callbacks from the driver's thread to JavaScript: each has an id and a function; the process is kept
 * alive while any is pending, and not otherwise (an idle backend must not hold Node open).
 */
export class HostCallbacks {
  private nextId = 1;
  private readonly pending = new Map<number, () => void>();

  constructor(private readonly addon: GpuNativeAddon) {
    addon.setHostCallbackDispatcher((id) => {
      const callback = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) addon.keepAlive(false);
      callback?.();
    });
  }

  /** Enqueues `callback` to run when the stream reaches this point; with holds, the stream waits until release(id). */
  enqueue(device: number, stream: bigint, holds: boolean, callback: (id: number) => void): void {
    const id = this.nextId++;
    if (this.pending.size === 0) this.addon.keepAlive(true);
    this.pending.set(id, () => callback(id));
    try {
      this.addon.enqueueHostCallback(device, stream, id, holds);
    } catch (error) {
      this.pending.delete(id);
      if (this.pending.size === 0) this.addon.keepAlive(false);
      throw error;
    }
  }

  release(id: number): void {
    this.addon.releaseHostCallback(id);
  }
}
