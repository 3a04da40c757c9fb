import { describe, expect, it } from 'vitest';
import {
  type DeviceV1,
  hostPlatformV1,
  type KernelLaunchV1,
  kernelShapeOf,
  specificationVersion,
} from '../src/for-backends';
import {
  acceleratorOf,
  allocBuf,
  array,
  asConst,
  type BackendV1,
  bool,
  computeDataSize,
  constant,
  Device,
  defineLayout,
  deviceFunction,
  f32,
  f64,
  host,
  InvalidArgumentError,
  kernel,
  makeWorkDiv,
  u8,
  u32,
  view,
  WorkDivisionError,
} from '../src/index';

const launches: KernelLaunchV1[] = [];
const recordingBackend: BackendV1 = {
  specificationVersion,
  name: 'recording_sync',
  accelerator: 'cpu',
  acceleratorTypeName: 'AccRecording',
  runsOnHost: true,
  probe: () => ({ available: true, reason: '' }),
  platform: () => hostPlatformV1,
  limits: () => ({
    maxBlocksPerGrid: [9, 9, 9],
    maxThreadsPerBlock: [1, 1, 1],
    maxThreadsPerBlockTotal: 1,
    maxElementsPerThread: 64,
    maxDynamicSharedMemoryBytes: 0,
  }),
  launch: (_queue, launch) => void launches.push(launch),
};

// A device of another platform: a buffer allocated on it reports it as its device.
const otherDevice = Device.of(
  Object.assign(Object.create(hostPlatformV1.devices()[0] as DeviceV1), {
    isHost: false,
    name: 'other accelerator',
  }) as DeviceV1,
);
const copyKernel = kernel('copyKernel', { from: array(f32, 'in'), to: array(f32, 'out') }, () => {});

describe('launch checks', () => {
  it('passes validated arguments to the backend, arrays as memory regions', async () => {
    launches.length = 0;
    const from = allocBuf(host(), f32, 4);
    const to = allocBuf(host(), f32, 4);
    await host()
      .createQueue()
      .exec(makeWorkDiv(acceleratorOf(recordingBackend, 1), 1, 4), copyKernel, { from, to });
    expect(launches).toHaveLength(1);
    expect(launches[0]?.arguments.from).toMatchObject({
      kind: 'array',
      memory: from.memory,
      byteOffset: 0,
      length: 4,
      elementType: f32,
    });
    expect(launches[0]?.dynamicSharedMemoryBytes).toBe(0);
  });

  it('hands the backend the signature sorted once: parameters by kind, constants, device functions', async () => {
    launches.length = 0;
    const twice = deviceFunction('twice', { v: f32 }, f32, (_acc, { v }) => v * 2);
    const mixed = kernel(
      'mixed',
      { n: u32, tile: constant(u32), x: array(f32), helper: twice, flag: bool },
      (acc, { n, tile, x, helper, flag }) => {
        for (const i of acc.uniformElements(n)) x[i] = flag ? helper(x[i] + tile) : 0;
      },
    );
    const x = allocBuf(host(), f32, 4);
    const division = makeWorkDiv(acceleratorOf(recordingBackend, 1), 1, 4);
    await host().createQueue().exec(division, mixed, { n: 4, tile: 2, x, flag: true });
    await host().createQueue().exec(division, mixed, { n: 4, tile: 3, x, flag: false });
    const shape = launches[0]?.shape;
    expect(shape).toBe(kernelShapeOf(mixed));
    expect(launches[1]?.shape).toBe(shape);
    expect(Object.isFrozen(shape)).toBe(true);
    expect(shape?.parameters.map((parameter) => [parameter.name, parameter.kind])).toEqual([
      ['n', 'scalar'],
      ['tile', 'scalar'],
      ['x', 'array'],
      ['flag', 'scalar'],
    ]);
    expect(shape?.constants).toEqual(['tile']);
    expect(shape?.deviceFunctions).toEqual([{ name: 'helper', definition: twice }]);
  });

  it("sorts a device function's signature once too, so the compiler reads its shape like a kernel's", () => {
    const twice = deviceFunction('twice', { v: f32 }, f32, (_acc, { v }) => v * 2);
    const scaled = deviceFunction('scaled', { x: array(f32, 'in'), by: twice, i: u32 }, f32, (_acc, { x, by, i }) =>
      by(x[i]),
    );
    const shape = kernelShapeOf(scaled);
    expect(kernelShapeOf(scaled)).toBe(shape);
    expect(Object.isFrozen(shape)).toBe(true);
    expect(shape.parameters.map((parameter) => [parameter.name, parameter.kind])).toEqual([
      ['x', 'array'],
      ['i', 'scalar'],
    ]);
    expect(shape.constants).toEqual([]);
    expect(shape.deviceFunctions).toEqual([{ name: 'by', definition: twice }]);
  });

  it('refuses a kernel argument that lives on another device, and launches nothing', async () => {
    launches.length = 0;
    const elsewhere = allocBuf(otherDevice, f32, 4);
    expect(elsewhere.device).toBe(otherDevice);
    const run = host()
      .createQueue()
      .exec(makeWorkDiv(acceleratorOf(recordingBackend, 1), 1, 4), copyKernel, {
        from: elsewhere,
        to: allocBuf(host(), f32, 4),
      });
    await expect(run).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(run).rejects.toThrow(
      /argument 'from' lives on host:0 \(other accelerator\), but the kernel runs on host:0 .*; memcpy it to that device first/,
    );
    expect(launches).toHaveLength(0);
  });

  it("refuses a queue whose device is not one of the accelerator's", async () => {
    const run = otherDevice.createQueue().exec(makeWorkDiv(acceleratorOf(recordingBackend, 1), 1, 4), copyKernel, {
      from: allocBuf(otherDevice, f32, 4),
      to: allocBuf(otherDevice, f32, 4),
    });
    await expect(run).rejects.toBeInstanceOf(WorkDivisionError);
    await expect(run).rejects.toThrow(
      /work division is for recording_sync, whose devices do not include the queue's device/,
    );
  });

  it('refuses a bad check buffer', async () => {
    const from = allocBuf(host(), f32, 4);
    const run = host()
      .createQueue()
      .exec(
        makeWorkDiv(acceleratorOf(recordingBackend, 1), 1, 4),
        copyKernel,
        { from, to: from },
        { checkBuffer: allocBuf(host(), f32, 2) },
      );
    await expect(run).rejects.toThrow(/check buffer must be a writable u32 buffer of at least 2 elements/);
  });
});

describe('repeated launches', () => {
  const scaled = kernel('scaledRepeat', { n: u32, factor: f32, flag: bool, data: array(f32) }, () => {});
  const division = makeWorkDiv(acceleratorOf(recordingBackend, 1), 1, 1);

  it('reuse the prepared arguments only while every value is the same, float zeros never', async () => {
    launches.length = 0;
    const queue = host().createQueue();
    const data = allocBuf(host(), f32, 4);
    const other = allocBuf(host(), f32, 4);
    const args = { n: 3, factor: 1.1, flag: true, data };
    await queue.exec(division, scaled, args);
    await queue.exec(division, scaled, args);
    await queue.exec(division, scaled, { ...args, n: 4 });
    await queue.exec(division, scaled, { ...args, data: other });
    await queue.exec(division, scaled, { ...args, factor: 0 });
    await queue.exec(division, scaled, { ...args, factor: -0 });
    const seen = launches.map((launch) => launch.arguments);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]).toMatchObject({ n: 3, factor: Math.fround(1.1), flag: 1 });
    expect(seen[2]).toMatchObject({ n: 4 });
    expect(seen[3]?.data).toBe(other.kernelArgument);
    expect(Object.is(seen[4]?.factor, 0)).toBe(true);
    expect(Object.is(seen[5]?.factor, -0)).toBe(true);
  });

  it('check a value again after a bad launch, and refuse it again', async () => {
    const queue = host().createQueue();
    const data = allocBuf(host(), f32, 4);
    await queue.exec(division, scaled, { n: 1, factor: 1, flag: false, data });
    await expect(queue.exec(division, scaled, { n: -1, factor: 1, flag: false, data })).rejects.toThrow(
      /argument 'n' is u32, and -1 is not a value of that type/,
    );
    await expect(queue.exec(division, scaled, { n: -1, factor: 1, flag: false, data })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(
      queue.exec(division, scaled, { n: 1, factor: 1, flag: false, data, extra: 1 } as never),
    ).rejects.toThrow(/has no parameter 'extra'/);
  });
});

describe('view arguments', () => {
  const hits = defineLayout('Hits', [{ kind: 'column', name: 'x', elementType: f64 }]);
  const tracks = defineLayout('Tracks', [{ kind: 'column', name: 'pt', elementType: f32 }]);
  const readHits = kernel('readHits', { v: view(hits, 'in') }, () => {});
  const writeHits = kernel('writeHits', { v: view(hits) }, () => {});
  const writeTracks = kernel('writeTracks', { v: view(tracks) }, () => {});
  const division = () => makeWorkDiv(acceleratorOf(recordingBackend, 1), 1, 4);

  it('checks each launch against its own parameter, even for a view prepared for another kernel', async () => {
    const queue = host().createQueue();
    const bytes = allocBuf(host(), u8, computeDataSize(hits, 4));
    const writable = { schema: hits, size: 4, readOnly: false, buffer: bytes };
    await queue.exec(division(), writeHits, { v: writable });
    await expect(queue.exec(division(), writeTracks, { v: writable })).rejects.toThrow(
      /argument 'v' must be a view of 'Tracks', but the view is of 'Hits', whose fields differ/,
    );
    const constant = { schema: hits, size: 4, readOnly: false, buffer: asConst(bytes) };
    await queue.exec(division(), readHits, { v: constant });
    await expect(queue.exec(division(), writeHits, { v: constant })).rejects.toThrow(
      /argument 'v' is a const view, but the parameter is 'inout'/,
    );
  });
});
