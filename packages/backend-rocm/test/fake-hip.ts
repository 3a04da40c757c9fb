import {
  type GpuDeviceProperties,
  type GpuNativeAddon,
  type GpuRuntime,
  HostCallbacks,
  launchRecordHeaderBytes,
} from '@alpaka-ts/gpu-kit';

/** An AMD Instinct MI250X's figures as HIP reports them (one GCD). */
export const mi250x: GpuDeviceProperties = {
  name: 'AMD Instinct MI250X',
  totalMemoryBytes: 64 * 2 ** 30,
  architecture: 'gfx90a:sramecc+:xnack-',
  multiprocessors: 110,
  warpSize: 64,
  maxThreadsPerBlock: 1024,
  maxBlockDimensions: [1024, 1024, 1024],
  maxGridDimensions: [2147483647, 65536, 65536],
  sharedMemoryPerBlock: 65536,
  sharedMemoryPerBlockOptIn: 65536,
};

/** One launch as the addon received it: the record's header, and each parameter's bytes. */
export interface RecordedLaunch {
  readonly function: bigint;
  readonly stream: bigint;
  readonly device: number;
  readonly grid: readonly number[];
  readonly block: readonly number[];
  readonly sharedBytes: number;
  readonly parameters: readonly DataView[];
}

/**
 * A stand-in for the rocm addon with no GPU behind it: every call is recorded, memory addresses are handed out
 * as HIP's would be, host callbacks are delivered on the next turn of the event loop, and a launch decodes its
 * record as native/gpu-addon.h does. It checks what JavaScript sends the driver, not what a GPU computes; device
 * and pinned memory are host bytes, so sets and copies move data, and onLaunch may play a kernel's writes.
 */
export function fakeHip(
  options: {
    readonly failAllocationsAbove?: number;
    readonly staticSharedBytes?: number;
    /** What the kernel does: writes through `bytesAt(address)` (the allocation's bytes from that address on). */
    readonly onLaunch?: (launch: RecordedLaunch, bytesAt: (address: bigint) => Uint8Array) => void;
  } = {},
) {
  const calls: string[] = [];
  const launches: RecordedLaunch[] = [];
  const compiled: { name: string; options: readonly string[] }[] = [];
  let dispatch: (id: number) => void = () => {};
  let nextAddress = 0x7f10_0000_0000n;
  let nextHandle = 0x5000n;
  const handle = () => {
    nextHandle += 0x10n;
    return nextHandle;
  };
  const allocations = new Map<bigint, Uint8Array>();
  const bytesAt = (address: bigint): Uint8Array => {
    for (const [start, bytes] of allocations)
      if (address >= start && address < start + BigInt(bytes.length)) return bytes.subarray(Number(address - start));
    throw new Error(`fake HIP: no allocation holds ${address.toString(16)}`);
  };
  const hostSide = (side: bigint | ArrayBuffer | Uint8Array) =>
    typeof side === 'bigint' ? bytesAt(side) : side instanceof Uint8Array ? side : new Uint8Array(side);
  const addon: GpuNativeAddon = {
    abiVersion: 'fake',
    deviceProperties: () => mi250x,
    freeMemory: () => mi250x.totalMemoryBytes / 2,
    streamCreate: () => handle(),
    streamSynchronize: (_device, stream) => void calls.push(`synchronize ${stream}`),
    streamWaitEvent: (_device, stream, event) => void calls.push(`wait ${stream} for ${event}`),
    eventCreate: () => handle(),
    eventRecord: (_device, event, stream) => void calls.push(`record ${event} on ${stream}`),
    eventQuery: () => true,
    setHostCallbackDispatcher: (dispatcher) => {
      dispatch = dispatcher;
    },
    keepAlive: () => {},
    enqueueHostCallback: (_device, stream, id, holds) => {
      calls.push(`callback ${id} on ${stream}${holds ? ' (holds)' : ''}`);
      setImmediate(() => dispatch(id));
    },
    releaseHostCallback: (id) => void calls.push(`release ${id}`),
    memoryAllocate: (_device, bytes) => {
      if (options.failAllocationsAbove !== undefined && bytes > options.failAllocationsAbove)
        throw Object.assign(new Error('hipMalloc failed: hipErrorOutOfMemory (2)'), {
          hipError: 'hipErrorOutOfMemory',
        });
      calls.push(`malloc ${bytes}`);
      const address = nextAddress;
      nextAddress += BigInt(Math.ceil(bytes / 4096) * 4096);
      allocations.set(address, new Uint8Array(bytes));
      return address;
    },
    memoryFree: (_device, pointer) => void calls.push(`free ${pointer.toString(16)}`),
    pinnedAllocate: (_device, bytes) => {
      const pointer = handle() << 32n;
      allocations.set(pointer, new Uint8Array(bytes));
      return pointer;
    },
    pinnedFree: () => {},
    // Over the pinned block's own bytes, as hipHostMalloc'd memory is.
    pinnedArrayBuffer: (pointer) => bytesAt(pointer).buffer as ArrayBuffer,
    copy: (
      _device,
      stream,
      destination,
      destinationOffset,
      _dp,
      _ds,
      source,
      sourceOffset,
      _sp,
      _ss,
      width,
      height,
      depth,
    ) => {
      const name = (side: unknown) => (typeof side === 'bigint' ? `device ${side.toString(16)}` : 'host');
      calls.push(
        `copy ${width}x${height}x${depth} from ${name(source)}+${sourceOffset} to ${name(destination)}+${destinationOffset} on ${stream}`,
      );
      if (height === 1 && depth === 1)
        hostSide(destination).set(hostSide(source).subarray(sourceOffset, sourceOffset + width), destinationOffset);
    },
    set: (_device, stream, pointer, _rp, _sp, elementBytes, value, width, height) => {
      calls.push(`set ${width}×${elementBytes} bytes of ${value} at ${pointer.toString(16)} on ${stream}`);
      // Byte patterns only (what a zeroed bounds record and memset need); wider ones are recorded, not written.
      if (height === 1 && (elementBytes === 1 || value === 0)) bytesAt(pointer).fill(value, 0, width * elementBytes);
    },
    compile: (_source, name, compileOptions) => {
      compiled.push({ name, options: compileOptions });
      return { ok: true, log: '', error: 'HIPRTC_SUCCESS', binary: Uint8Array.from([0x7f, 0x45, 0x4c, 0x46]).buffer };
    },
    moduleLoad: () => handle(),
    moduleFunction: (_device, _module, entry) => {
      calls.push(`function ${entry}`);
      return 0x9100n;
    },
    functionAttributes: () => {
      const staticSharedBytes = options.staticSharedBytes ?? 0;
      return {
        staticSharedBytes,
        maxDynamicSharedBytes: mi250x.sharedMemoryPerBlock - staticSharedBytes,
        maxThreadsPerBlock: 1024,
        registers: 32,
      };
    },
    functionSetMaxDynamicShared: () => {
      throw new Error('HIP has no dynamic shared memory opt-in; the launch must not ask for one');
    },
    launch: (record) => {
      const words = new Uint32Array(record, 0, launchRecordHeaderBytes / 4);
      const u64 = (low: number) => BigInt(words[low] ?? 0) | (BigInt(words[low + 1] ?? 0) << 32n);
      const count = words[12] ?? 0;
      const argumentsAt = words[13] ?? 0;
      const offsets = new Uint32Array(record, launchRecordHeaderBytes, count);
      const ends = [...offsets.slice(1), record.byteLength - argumentsAt];
      const launch: RecordedLaunch = {
        function: u64(0),
        stream: u64(2),
        device: words[4] ?? -1,
        grid: [...words.slice(5, 8)],
        block: [...words.slice(8, 11)],
        sharedBytes: words[11] ?? 0,
        // A copy: the record is reused by the next launch.
        parameters: [...offsets].map(
          (offset, index) => new DataView(record.slice(argumentsAt + offset, argumentsAt + (ends[index] ?? offset))),
        ),
      };
      launches.push(launch);
      options.onLaunch?.(launch, bytesAt);
    },
  };
  const runtime: GpuRuntime = {
    available: true,
    addon,
    devices: [mi250x],
    hostCallbacks: new HostCallbacks(addon),
    versions: { hip: 50221153, hiprtc: '9.0' },
    description: '1 GPU(s) [0: AMD Instinct MI250X (gfx90a:sramecc+:xnack-, warp 64)], fake HIP',
  };
  return { addon, runtime, calls, launches, compiled };
}
