import { type ElementType, InvalidArgumentError } from '@alpaka-ts/interface';
import {
  type DeviceV1,
  type EventV1,
  type Extent3,
  type QueueV1,
  queueFailure,
  type RegionV1,
  runHostTaskNow,
} from '@alpaka-ts/interface/backend';
import type { GpuDevice } from './gpu-device';
import { GpuEvent } from './gpu-event';
import { copySide, DeviceMemory } from './gpu-memory';
import type { HostCallbacks } from './host-callbacks';
import type { GpuNativeAddon } from './native-binding';
import { copyThroughPinned, hostCopySide, isPageableHost, type StagingBlock } from './pageable-staging';
import { streamDevices } from './pinned-allocator';

/**
 * A queue on one GPU: a CUDA or HIP stream (alpaka's QueueCudaRtNonBlocking, QueueHipRtNonBlocking), or,
 * blocking, the same stream synchronised after every operation. Host tasks and wait() go through driver host
 * callbacks.
 */
export class GpuQueue implements QueueV1 {
  readonly stream: bigint;
  /** The stream handle as a number, for the launch path (host addresses fit a double exactly). */
  readonly streamAddress: number;
  private firstFailure: Error | undefined;
  /** Recorded at isEmpty() to ask the driver whether everything before it has finished. */
  private probeEvent: bigint | undefined;

  constructor(
    readonly device: DeviceV1,
    readonly ordinal: number,
    readonly blocking: boolean,
    private readonly addon: GpuNativeAddon,
    private readonly callbacks: HostCallbacks,
    /** The backend's name, for messages. */
    readonly backendName: string,
  ) {
    this.stream = addon.streamCreate(ordinal);
    streamDevices.set(this.stream, ordinal);
    this.streamAddress = Number(this.stream);
    if (!Number.isSafeInteger(this.streamAddress))
      throw new Error(`internal error: stream handle ${this.stream} does not fit a double`);
  }

  /** Operations enqueued, and how many of them a resolved wait() saw finished: tryWait needs no driver call then. */
  private enqueuedOperations = 0;
  private finishedOperations = 0;
  /** Completion checks whose callback has not run yet: the stream passes them before JavaScript sees their result. */
  private pendingChecks = 0;

  /** Called after each enqueued operation: a blocking queue finishes it before returning. */
  enqueued(): void {
    this.enqueuedOperations += 1;
    if (this.blocking) this.addon.streamSynchronize(this.ordinal, this.stream);
  }

  copy(destination: RegionV1, source: RegionV1, extentBytes: Extent3): void {
    const stage = { source: isPageableHost(source.memory), destination: isPageableHost(destination.memory) };
    if (this.blocking || extentBytes.includes(0) || !(stage.source || stage.destination))
      this.copyDirect(destination, source, extentBytes);
    else copyThroughPinned(this, destination, source, extentBytes, stage);
  }

  stagingBlock(byteLength: number): StagingBlock {
    return (this.device as GpuDevice).stagingBlock(byteLength);
  }

  isKnownIdle(): boolean {
    return this.finishedOperations === this.enqueuedOperations && this.pendingChecks === 0;
  }

  whenPassed(callback: () => void): void {
    this.callbacks.enqueue(this.ordinal, this.stream, false, callback);
  }

  enqueueHostCopy(destination: RegionV1, source: RegionV1, extentBytes: Extent3, then: () => void): void {
    this.callbacks.enqueueCopy(
      this.ordinal,
      this.stream,
      hostCopySide(destination),
      hostCopySide(source),
      extentBytes,
      then,
    );
    this.enqueued();
  }

  copyDirect(destination: RegionV1, source: RegionV1, extentBytes: Extent3): void {
    const [depth, height, width] = extentBytes;
    this.addon.copy(
      this.ordinal,
      this.stream,
      copySide(this, destination.memory, 'copy destination'),
      destination.byteOffset,
      destination.rowPitchBytes,
      destination.slicePitchBytes,
      copySide(this, source.memory, 'copy source'),
      source.byteOffset,
      source.rowPitchBytes,
      source.slicePitchBytes,
      width,
      height,
      depth,
    );
    this.enqueued();
  }

  /** The region's device memory, marked as last used by this queue's stream (for the caching allocator). */
  private deviceMemory(region: RegionV1, operation: string): DeviceMemory {
    const memory = region.memory;
    if (!(memory instanceof DeviceMemory) || memory.device.platform !== this.device.platform)
      throw new InvalidArgumentError(`${this.backendName} ${operation} its own device memory only.`);
    memory.usage.lastStream = this.stream;
    return memory;
  }

  /** Writes an element bit pattern of 1, 2 or 4 bytes over a pitched extent (width in elements). */
  private setPattern(
    destination: RegionV1,
    memory: DeviceMemory,
    elementBytes: number,
    bits: number,
    extentElements: Extent3,
  ): void {
    const [depth, height, width] = extentElements;
    const pointer = memory.pointer + BigInt(destination.byteOffset);
    this.addon.set(
      this.ordinal,
      this.stream,
      pointer,
      destination.rowPitchBytes,
      destination.slicePitchBytes,
      elementBytes,
      bits,
      width,
      height,
      depth,
    );
  }

  set(destination: RegionV1, byteValue: number, extentBytes: Extent3): void {
    this.setPattern(destination, this.deviceMemory(destination, 'sets'), 1, byteValue, extentBytes);
    this.enqueued();
  }

  fill(destination: RegionV1, elementType: ElementType, value: number, extentElements: Extent3): void {
    const memory = this.deviceMemory(destination, 'fills');
    const [depth, height, width] = extentElements;
    const size = elementType.byteSize;
    // The element's bit pattern, written by the driver's 8-, 16- or 32-bit memset.
    const pattern = new elementType.arrayConstructor(1);
    pattern[0] = elementType.convert(value);
    if (size <= 4) {
      const bits =
        size === 1
          ? new Uint8Array(pattern.buffer)[0]
          : size === 2
            ? new Uint16Array(pattern.buffer)[0]
            : new Uint32Array(pattern.buffer)[0];
      this.setPattern(destination, memory, size, bits ?? 0, extentElements);
    } else {
      // 8-byte elements have no driver memset: copy one filled row, from a pinned block lent until the stream read it.
      const staging = this.stagingBlock(width * size);
      const rowBuffer = staging.memory.hostArrayBuffer as ArrayBuffer;
      const row = new elementType.arrayConstructor(rowBuffer, 0, width);
      row.fill(elementType.convert(value));
      for (let slice = 0; slice < depth; slice++) {
        for (let line = 0; line < height; line++) {
          const offset =
            destination.byteOffset + slice * destination.slicePitchBytes + line * destination.rowPitchBytes;
          const bytes = width * size;
          this.addon.copy(
            this.ordinal,
            this.stream,
            memory.pointer,
            offset,
            bytes,
            bytes,
            rowBuffer,
            0,
            bytes,
            bytes,
            bytes,
            1,
            1,
          );
        }
      }
      if (this.blocking) staging.release();
      else this.whenPassed(() => staging.release());
    }
    this.enqueued();
  }

  enqueueHostTask(task: () => void | Promise<void>): void {
    this.enqueuedOperations += 1;
    if (this.blocking) {
      // Everything before has finished when a blocking queue's enqueue returns: run the task here.
      this.addon.streamSynchronize(this.ordinal, this.stream);
      runHostTaskNow(task, this.device.name);
      return;
    }
    // The stream waits in the host callback until the task (and its promise) has finished.
    this.callbacks.enqueue(this.ordinal, this.stream, true, (id) => {
      Promise.resolve()
        .then(task)
        .catch((error: unknown) => {
          this.firstFailure ??= queueFailure(error, this.device.name);
        })
        .finally(() => this.callbacks.release(id));
    });
  }

  /**
   * Runs `check` once the stream has passed everything enqueued so far, and fails the queue with the error it
   * returns: a blocking queue's operation throws it (as serial_sync's launch does), a non-blocking queue's next
   * wait() rejects with it. From a host callback that does not hold the stream, so later work is not delayed.
   */
  enqueueCompletionCheck(check: () => Error | undefined): void {
    this.enqueuedOperations += 1;
    if (this.blocking) {
      this.addon.streamSynchronize(this.ordinal, this.stream);
      const failure = check();
      if (failure) throw failure;
      return;
    }
    this.pendingChecks += 1;
    this.callbacks.enqueue(this.ordinal, this.stream, false, () => {
      this.pendingChecks -= 1;
      try {
        const failure = check();
        if (failure) this.firstFailure ??= failure;
      } catch (error) {
        this.firstFailure ??= queueFailure(error, this.device.name);
      }
    });
  }

  record(event: EventV1): void {
    if (!(event instanceof GpuEvent) || event.ordinal !== this.ordinal) {
      throw new InvalidArgumentError(`a queue of ${this.device.name} records only its own device's events.`);
    }
    // No host callback per record (it would stall the stream on the driver's thread for every event): the
    // event is queried when asked, and event.wait() waits on a helper stream (GpuEvent).
    event.latestGeneration = event.generations.startRecord();
    this.addon.eventRecord(this.ordinal, event.handle, this.stream);
    this.enqueued();
  }

  waitFor(event: EventV1): void {
    if (event instanceof GpuEvent) {
      this.enqueuedOperations += 1;
      this.addon.streamWaitEvent(this.ordinal, this.stream, event.handle);
      return;
    }
    // An event of another platform (a host queue's): hold the stream until it completes, unless it already has
    // (a serial queue's always has: no stream is held for JavaScript then, see HostCallbacks).
    if (event.isComplete()) return;
    const reached = event.wait();
    this.enqueueHostTask(() => reached);
  }

  isEmpty(): boolean {
    if (this.finishedOperations === this.enqueuedOperations) return true;
    this.probeEvent ??= this.addon.eventCreate(this.ordinal);
    this.addon.eventRecord(this.ordinal, this.probeEvent, this.stream);
    return this.addon.eventQuery(this.ordinal, this.probeEvent);
  }

  /** wait() without waiting: one event query; true (or the failure thrown) once the stream has passed everything. */
  tryWait(): boolean {
    // Nothing enqueued since a wait() that resolved: idle, without asking the driver (a fresh probe record can
    // still be unprocessed when it is queried, and would say busy).
    if (this.pendingChecks > 0) return false;
    if (this.finishedOperations !== this.enqueuedOperations && !this.isEmpty()) return false;
    this.finishedOperations = this.enqueuedOperations;
    const failure = this.firstFailure;
    this.firstFailure = undefined;
    if (failure) throw failure;
    return true;
  }

  wait(): Promise<void> {
    const position = this.enqueuedOperations;
    return new Promise<void>((resolve) => {
      this.callbacks.enqueue(this.ordinal, this.stream, false, () => resolve());
    }).then(() => {
      this.finishedOperations = Math.max(this.finishedOperations, position);
      const failure = this.firstFailure;
      this.firstFailure = undefined;
      if (failure) throw failure;
    });
  }
}
