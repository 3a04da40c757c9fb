import { HostCallbacks } from '../host-callbacks';
import type { GpuNativeAddon } from '../native-binding';
import { copyPitchedRows } from '../pitched-copy';
import { decodeLaunchRecord } from './launch-record-decoder';
import type { StandInAddonOptions, StandInGpuAddon, StandInLaunch, StandInMemory } from './stand-in-options';

export type { StandInAddonOptions, StandInGpuAddon, StandInLaunch, StandInMemory } from './stand-in-options';

import { h200 } from './stand-in-devices';

/**
 * A stand-in for a GPU addon (CUDA's or HIP's: they export the same functions, GpuNativeAddon) with no GPU behind
 * it, for tests of a backend's launch path and for benchmarks of its JavaScript. Calls are logged in order,
 * device and pinned memory are host bytes so sets and copies really move data, host callbacks arrive on a later
 * turn of the event loop in stream order, and a launch decodes its record as native/gpu-addon.h does and hands
 * it to `onLaunch`. It checks what JavaScript sends the driver, not what a GPU computes.
 */
export function standInGpuAddon(options: StandInAddonOptions = {}): StandInGpuAddon {
  const device = options.device ?? h200;
  const { properties } = device;
  const recording = options.recording ?? true;
  const staticSharedBytes = options.staticSharedBytes ?? 0;
  const eventsComplete = options.eventsComplete ?? true;
  const pendingEvents = new Set<bigint>();
  const calls: string[] = [];
  const launches: StandInLaunch[] = [];
  const compiled: { name: string; options: readonly string[] }[] = [];
  const log = (call: string) => {
    if (recording) calls.push(call);
  };
  let launchCount = 0;
  const allocations = new Map<bigint, Uint8Array>();
  const pinnedBuffers = new Set<ArrayBufferLike>();
  const entries = new Map<bigint, string>();
  // Device and pinned memory come from separate ranges, each handed out in 4 KiB-rounded blocks as a driver would.
  let nextDeviceAddress = 0x7f10_0000_0000n;
  let nextPinnedAddress = 0x7e10_0000_0000n;
  let nextHandle = 0x5000n;
  let nextFunction = 0x9100n;
  let dispatch: (id: number) => void = () => {};
  const handle = () => {
    nextHandle += 0x10n;
    return nextHandle;
  };
  const allocate = (bytes: number, pinned: boolean) => {
    const address = pinned ? nextPinnedAddress : nextDeviceAddress;
    const next = address + BigInt(Math.ceil(bytes / 4096) * 4096);
    if (pinned) nextPinnedAddress = next;
    else nextDeviceAddress = next;
    const block = new Uint8Array(bytes);
    allocations.set(address, block);
    if (pinned) pinnedBuffers.add(block.buffer);
    return address;
  };
  const memory: StandInMemory = {
    bytesAt(address) {
      for (const [start, bytes] of allocations) {
        if (address >= start && address < start + BigInt(bytes.length)) return bytes.subarray(Number(address - start));
      }
      throw new Error(`stand-in GPU: no allocation holds address ${address.toString(16)}`);
    },
  };
  // Streams a holding host callback stops until it is released, as the driver's do.
  const heldStreams = new Map<number, bigint>();
  // Holding callbacks enqueued and not released, reached or not: a module load waits for the device, so for them.
  const pendingHolds = new Set<number>();
  // Stream order where it shows: while a host callback holds a stream, copies, sets and callbacks enqueued after
  // it wait, and run in order once it is released.
  const deferred = new Map<bigint, Array<() => void>>();
  const isHeld = (stream: bigint) => [...heldStreams.values()].includes(stream);
  const onStream = (stream: bigint, operation: () => void) => {
    if (!isHeld(stream)) return operation();
    const waiting = deferred.get(stream) ?? [];
    waiting.push(operation);
    deferred.set(stream, waiting);
  };
  const isPageable = (side: bigint | ArrayBuffer | Uint8Array) =>
    typeof side !== 'bigint' && !pinnedBuffers.has(side instanceof Uint8Array ? side.buffer : side);
  const bytesOf = (side: bigint | ArrayBuffer | Uint8Array): Uint8Array =>
    typeof side === 'bigint' ? memory.bytesAt(side) : side instanceof Uint8Array ? side : new Uint8Array(side);
  const pitched = (
    side: bigint | ArrayBuffer | Uint8Array,
    byteOffset: number,
    rowPitchBytes: number,
    slicePitchBytes: number,
  ) => ({
    bytes: bytesOf(side),
    byteOffset,
    rowPitchBytes,
    slicePitchBytes,
  });
  const nameOf = (side: unknown) => (typeof side === 'bigint' ? `device ${side.toString(16)}` : 'host');
  const addon: GpuNativeAddon = {
    abiVersion: options.abiVersion ?? 'stand-in',
    deviceProperties: () => properties,
    freeMemory: () => properties.totalMemoryBytes / 2,
    streamCreate: () => handle(),
    streamSynchronize: (_device, stream) => log(`synchronize ${stream}`),
    streamWaitEvent: (_device, stream, event) => log(`wait ${stream} for ${event}`),
    eventCreate: (onDevice) => {
      const event = handle();
      log(`event ${event} on device ${onDevice}`);
      return event;
    },
    // The device is the context the event is recorded in: it must be the stream's own.
    eventRecord: (onDevice, event, stream) => {
      log(`record ${event} on ${stream} (device ${onDevice})`);
      if (!eventsComplete) pendingEvents.add(event);
    },
    eventQuery: (_device, event) => !pendingEvents.has(event),
    setHostCallbackDispatcher: (dispatcher) => {
      dispatch = dispatcher;
    },
    keepAlive: () => {},
    enqueueHostCallback: (_device, stream, id, holds) => {
      log(`callback ${id} on ${stream}${holds ? ' (holds)' : ''}`);
      if (holds) pendingHolds.add(id);
      onStream(stream, () => {
        if (holds) heldStreams.set(id, stream);
        setImmediate(() => dispatch(id));
      });
    },
    // As the real addon's: copied when the stream gets there (no JavaScript waited for), then dispatched.
    enqueueHostCopy: (
      _device,
      stream,
      id,
      destination,
      destinationOffset,
      dRow,
      dSlice,
      source,
      sourceOffset,
      ...rest
    ) => {
      log(`host copy ${id} on ${stream}`);
      const [sourceRow, sourceSlice, width, height, depth] = rest;
      onStream(stream, () => {
        copyPitchedRows(
          pitched(destination, destinationOffset, dRow, dSlice),
          pitched(source, sourceOffset, sourceRow, sourceSlice),
          width,
          height,
          depth,
        );
        setImmediate(() => dispatch(id));
      });
    },
    releaseHostCallback: (id) => {
      log(`release ${id}`);
      pendingHolds.delete(id);
      const stream = heldStreams.get(id);
      heldStreams.delete(id);
      const waiting = stream === undefined ? undefined : deferred.get(stream);
      while (waiting && waiting.length > 0 && stream !== undefined && !isHeld(stream)) waiting.shift()?.();
    },
    memoryAllocate: (_device, bytes) => {
      if (options.failAllocationsAbove !== undefined && bytes > options.failAllocationsAbove)
        throw device.outOfMemoryError(bytes);
      log(`malloc ${bytes}`);
      return allocate(bytes, false);
    },
    memoryFree: (_device, pointer) => {
      log(`free ${pointer.toString(16)}`);
      allocations.delete(pointer);
    },
    pinnedAllocate: (_device, bytes, flags) => {
      log(flags === undefined ? `pinned malloc ${bytes}` : `pinned malloc ${bytes} flags ${flags}`);
      return allocate(bytes, true);
    },
    pinnedFree: (_device, pointer) => {
      log(`pinned free ${pointer.toString(16)}`);
      allocations.delete(pointer);
    },
    // Over the pinned block's own bytes, as the real addon's external ArrayBuffer is.
    pinnedArrayBuffer: (pointer, bytes) => {
      const pinned = memory.bytesAt(pointer);
      if (pinned.byteOffset !== 0 || pinned.length < bytes) throw new Error('stand-in GPU: not a pinned block');
      return pinned.buffer as ArrayBuffer;
    },
    copy: (
      _device,
      stream,
      destination,
      destinationOffset,
      destinationRowPitch,
      destinationSlicePitch,
      source,
      sourceOffset,
      sourceRowPitch,
      sourceSlicePitch,
      width,
      height,
      depth,
    ) => {
      log(
        `copy ${width}x${height}x${depth} from ${nameOf(source)}+${sourceOffset} to ${nameOf(destination)}+${destinationOffset} on ${stream}`,
      );
      // A real driver copies pageable memory synchronously after the stream reaches the copy: with a host callback
      // holding the stream for the very thread that is copying, it would wait forever.
      const holder = [...heldStreams].find(([, held]) => held === stream);
      if (holder && (isPageable(source) || isPageable(destination)))
        throw new Error(
          `stand-in GPU: a pageable copy on stream ${stream} while host callback ${holder[0]} holds it would never return`,
        );
      onStream(stream, () =>
        copyPitchedRows(
          pitched(destination, destinationOffset, destinationRowPitch, destinationSlicePitch),
          pitched(source, sourceOffset, sourceRowPitch, sourceSlicePitch),
          width,
          height,
          depth,
        ),
      );
    },
    set: (_device, stream, pointer, rowPitch, slicePitch, elementBytes, value, width, height, depth) => {
      log(`set ${width}×${elementBytes} bytes of ${value} at ${pointer.toString(16)} on ${stream}`);
      onStream(stream, () => {
        const bytes = memory.bytesAt(pointer);
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (let slice = 0; slice < depth; slice++) {
          for (let row = 0; row < height; row++) {
            const rowAt = slice * slicePitch + row * rowPitch;
            for (let index = 0; index < width; index++) {
              const at = rowAt + index * elementBytes;
              if (elementBytes === 4) view.setUint32(at, value, true);
              else if (elementBytes === 2) view.setUint16(at, value, true);
              else view.setUint8(at, value);
            }
          }
        }
      });
    },
    compile: (_source, name, compileOptions) => {
      compiled.push({ name, options: compileOptions });
      // An ELF header's first bytes: cubins and AMD code objects are both ELF files.
      return { ok: true, log: '', error: 'SUCCESS', binary: Uint8Array.from([0x7f, 0x45, 0x4c, 0x46]).buffer };
    },
    // Loading a module synchronizes the device: with a stream held for JavaScript (the thread loading), a real
    // driver never returns. The stand-in throws, so a test sees what would hang.
    moduleLoad: () => {
      const holder = [...pendingHolds][0];
      if (holder !== undefined)
        throw new Error(
          `stand-in GPU: loading a module while holding host callback ${holder} is pending would never return`,
        );
      return handle();
    },
    moduleFunction: (_device, _module, entry) => {
      log(`function ${entry}`);
      const kernelFunction = nextFunction;
      nextFunction += 0x10n;
      entries.set(kernelFunction, entry);
      return kernelFunction;
    },
    functionAttributes: () => ({
      staticSharedBytes,
      // CUDA allows the block's default (48 KiB) less the static part until raised; HIP all of the block's memory.
      maxDynamicSharedBytes: properties.sharedMemoryPerBlock - staticSharedBytes,
      maxThreadsPerBlock: properties.maxThreadsPerBlock,
      registers: 32,
    }),
    functionSetMaxDynamicShared: (_device, kernelFunction, bytes) => {
      if (!device.dynamicSharedOptIn)
        throw new Error(`${properties.name} has no dynamic shared memory opt-in; the launch must not ask for one`);
      log(`opt in ${entries.get(BigInt(kernelFunction)) ?? '?'} to ${bytes} dynamic shared bytes`);
    },
    launch: (record) => {
      launchCount++;
      if (!recording) return;
      const decoded = decodeLaunchRecord(record);
      const entry = entries.get(decoded.function) ?? '?';
      log(`launch ${entry} on ${decoded.stream}`);
      const launch: StandInLaunch = { entry, ...decoded };
      launches.push(launch);
      options.onLaunch?.(launch, memory);
    },
  };
  const runtime: StandInGpuAddon['runtime'] = {
    available: true,
    addon,
    devices: [properties],
    hostCallbacks: new HostCallbacks(addon),
    versions: device.versions,
    description: `1 GPU(s) [0: ${properties.name} (${properties.architecture}, warp ${properties.warpSize})], stand-in addon`,
  };
  return {
    addon,
    runtime,
    calls,
    launches,
    compiled,
    memory,
    launchCount: () => launchCount,
    completeEvents: () => pendingEvents.clear(),
  };
}
