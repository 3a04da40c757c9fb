import type { GpuRuntime } from '../src/gpu-vendor';
import { HostCallbacks } from '../src/host-callbacks';
import { launchRecordHeaderBytes } from '../src/launch-plan';
import type { GpuDeviceProperties, GpuNativeAddon } from '../src/native-binding';

/** An H200's figures as the driver reports them. */
export const h200: GpuDeviceProperties = {
  name: 'fake H200',
  totalMemoryBytes: 141 * 2 ** 30,
  architecture: 'sm_90',
  multiprocessors: 132,
  warpSize: 32,
  maxThreadsPerBlock: 1024,
  maxBlockDimensions: [1024, 1024, 64],
  maxGridDimensions: [2147483647, 65535, 65535],
  sharedMemoryPerBlock: 49152,
  sharedMemoryPerBlockOptIn: 232448,
};

/** One launch as the addon received it: the entry launched, the header, and each parameter's bytes. */
export interface FakeLaunch {
  readonly entry: string;
  readonly sharedBytes: number;
  readonly parameters: readonly DataView[];
}

/** The fake's memory: device and pinned allocations by address, each its own bytes. */
export interface FakeMemory {
  /** The bytes from `address` to the end of the allocation holding it (device or pinned). */
  bytesAt(address: bigint): Uint8Array;
}

/**
 * A stand-in for a GPU addon (CUDA's or HIP's: they export the same functions) with no GPU behind it: calls
 * are recorded in order, device and pinned memory are host bytes so sets and copies really move data, host
 * callbacks arrive on a later turn of the event loop in stream order, and a launch decodes its record as
 * native/gpu-addon.h does and hands it to `onLaunch`, which plays the kernel (a bounds violation, say).
 */
export function fakeGpuAddon(onLaunch: (launch: FakeLaunch, memory: FakeMemory) => void = () => {}) {
  const calls: string[] = [];
  const launches: FakeLaunch[] = [];
  const allocations = new Map<bigint, Uint8Array>();
  const entries = new Map<bigint, string>();
  let nextAddress = 0x7f00_0000_0000n;
  let nextHandle = 0x5000n;
  let dispatch: (id: number) => void = () => {};
  const handle = () => {
    nextHandle += 0x10n;
    return nextHandle;
  };
  const allocate = (bytes: number) => {
    const address = nextAddress;
    nextAddress += BigInt(Math.ceil(bytes / 4096) * 4096);
    allocations.set(address, new Uint8Array(bytes));
    return address;
  };
  const memory: FakeMemory = {
    bytesAt(address) {
      for (const [start, bytes] of allocations) {
        if (address >= start && address < start + BigInt(bytes.length)) return bytes.subarray(Number(address - start));
      }
      throw new Error(`fake GPU: no allocation holds address ${address.toString(16)}`);
    },
  };
  const side = (value: bigint | ArrayBuffer | Uint8Array): Uint8Array =>
    typeof value === 'bigint' ? memory.bytesAt(value) : value instanceof Uint8Array ? value : new Uint8Array(value);
  const name = (value: unknown) => (typeof value === 'bigint' ? 'device' : 'host');
  const addon: GpuNativeAddon = {
    abiVersion: 'fake',
    deviceProperties: () => h200,
    freeMemory: () => h200.totalMemoryBytes / 2,
    streamCreate: () => handle(),
    streamSynchronize: (_device, stream) => void calls.push(`synchronize ${stream}`),
    streamWaitEvent: () => {},
    eventCreate: () => handle(),
    eventRecord: () => {},
    eventQuery: () => true,
    setHostCallbackDispatcher: (dispatcher) => {
      dispatch = dispatcher;
    },
    keepAlive: () => {},
    enqueueHostCallback: (_device, stream, id) => {
      calls.push(`callback on ${stream}`);
      setImmediate(() => dispatch(id));
    },
    releaseHostCallback: () => {},
    memoryAllocate: (_device, bytes) => allocate(bytes),
    memoryFree: (_device, pointer) => void allocations.delete(pointer),
    pinnedAllocate: (_device, bytes) => allocate(bytes),
    pinnedFree: (_device, pointer) => void allocations.delete(pointer),
    // Over the pinned allocation's own bytes, as the real addon's external ArrayBuffer is.
    pinnedArrayBuffer: (pointer, bytes) => {
      const pinned = memory.bytesAt(pointer);
      if (pinned.byteOffset !== 0 || pinned.length < bytes) throw new Error('fake GPU: not a pinned block');
      return pinned.buffer as ArrayBuffer;
    },
    copy: (_device, stream, destination, destinationOffset, _dp, _ds, source, sourceOffset, _sp, _ss, width) => {
      calls.push(`copy ${width} bytes ${name(source)} to ${name(destination)} on ${stream}`);
      const from = side(source).subarray(sourceOffset, sourceOffset + width);
      side(destination).set(from, destinationOffset);
    },
    set: (_device, stream, pointer, _rp, _sp, elementBytes, value, width) => {
      calls.push(`set ${width}×${elementBytes} bytes to ${value} on ${stream}`);
      const bytes = memory.bytesAt(pointer);
      const view = new DataView(bytes.buffer, bytes.byteOffset, width * elementBytes);
      for (let index = 0; index < width; index++) {
        if (elementBytes === 4) view.setUint32(index * 4, value, true);
        else if (elementBytes === 2) view.setUint16(index * 2, value, true);
        else view.setUint8(index, value);
      }
    },
    compile: (_source, _name, _options) => ({ ok: true, log: '', error: 'OK', binary: new ArrayBuffer(8) }),
    moduleLoad: () => handle(),
    moduleFunction: (_device, _module, entry) => {
      const kernelFunction = handle();
      entries.set(kernelFunction, entry);
      return kernelFunction;
    },
    functionAttributes: () => ({
      staticSharedBytes: 0,
      maxDynamicSharedBytes: 49152,
      maxThreadsPerBlock: 1024,
      registers: 8,
    }),
    functionSetMaxDynamicShared: () => {},
    launch: (record) => {
      const words = new Uint32Array(record, 0, launchRecordHeaderBytes / 4);
      const kernelFunction = BigInt(words[0] ?? 0) | (BigInt(words[1] ?? 0) << 32n);
      const stream = BigInt(words[2] ?? 0) | (BigInt(words[3] ?? 0) << 32n);
      const count = words[12] ?? 0;
      const argumentsAt = words[13] ?? 0;
      const offsets = new Uint32Array(record, launchRecordHeaderBytes, count);
      const ends = [...offsets.slice(1), record.byteLength - argumentsAt];
      const entry = entries.get(kernelFunction) ?? '?';
      calls.push(`launch ${entry} on ${stream}`);
      const launch: FakeLaunch = {
        entry,
        sharedBytes: words[11] ?? 0,
        // Copies: the record is reused by the next launch.
        parameters: [...offsets].map(
          (offset, index) => new DataView(record.slice(argumentsAt + offset, argumentsAt + (ends[index] ?? offset))),
        ),
      };
      launches.push(launch);
      onLaunch(launch, memory);
    },
  };
  const runtime: GpuRuntime = {
    available: true,
    addon,
    devices: [h200],
    hostCallbacks: new HostCallbacks(addon),
    versions: { driver: 13000, compiler: '13.0' },
    description: '1 GPU(s) [0: fake H200], fake addon',
  };
  return { addon, runtime, calls, launches, memory };
}
