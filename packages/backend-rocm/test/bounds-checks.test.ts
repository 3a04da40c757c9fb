import { createGpuBackend, type GpuDevice } from '@alpaka-ts/gpu-kit';
import { mi250x, type StandInLaunch, type StandInMemory, standInGpuAddon } from '@alpaka-ts/gpu-kit/testing';
import {
  allocBuf,
  array,
  Device,
  f32,
  i32,
  KernelExecutionError,
  kernel,
  makeWorkDiv,
  u32,
} from '@alpaka-ts/interface';
import { beforeAll, describe, expect, it } from 'vitest';
import { rocmVendor } from '../src/rocm-backend';

// The kernels compiled here must not land in the user's cache.
beforeAll(() => {
  process.env.ALPAKA_TS_CACHE_DIR = 'off';
});

const shiftedRead = kernel(
  'shiftedRead',
  { n: u32, offset: i32, x: array(f32, 'in'), out: array(f32) },
  (acc, { n, offset, x, out }) => {
    for (const i of acc.uniformElements(n)) out[i] = x[acc.i32(i) + offset] + 1;
  },
);

/**
 * The checked kernel as the GPU would run it, from what the launch passed (n, offset, x, out, elements, bounds
 * record, dynamic shared bytes, x's length, out's length): each out-of-range load of x (site 0) is recorded.
 */
function playShiftedRead(launch: StandInLaunch, memory: StandInMemory): void {
  if (launch.parameters.length !== 9) return;
  const word = (index: number) => launch.parameters[index]?.getUint32(0, true) ?? 0;
  const record = memory.bytesAt(launch.parameters[5]?.getBigUint64(0, true) ?? 0n);
  const words = new Uint32Array(record.buffer, record.byteOffset, 4);
  for (let i = 0; i < word(0); i++) {
    const at = (i + (word(1) | 0)) >>> 0;
    if (at < word(7)) continue;
    if (words[1] === 0) words.set([0, 1, at, word(7)]);
    words[0] = (words[0] ?? 0) + 1;
  }
}

function setUp() {
  const fake = standInGpuAddon({ device: mi250x, onLaunch: playShiftedRead });
  const rocm = createGpuBackend(rocmVendor, () => fake.runtime);
  const device = Device.of(rocm.backend.platform().devices()[0] as GpuDevice);
  const args = (offset: number) => ({ n: 4, offset, x: allocBuf(device, f32, 4), out: allocBuf(device, f32, 4) });
  return { ...fake, rocm, device, args, division: makeWorkDiv(rocm.acc1D, 1, 64) };
}

describe('rocm_async bounds-checked launches (over the stand-in HIP addon)', () => {
  it("compile the checked HIP variant, and fail the next wait() with serial_sync's message", async () => {
    const { device, args, division, calls, compiled } = setUp();
    const queue = device.createQueue({ boundsChecks: true });
    await queue.exec(division, shiftedRead, args(-2));
    expect(calls).toContain('function shiftedRead_1d_1e_bc');
    expect(compiled).toHaveLength(1);
    const waited = queue.wait();
    await expect(waited).rejects.toBeInstanceOf(KernelExecutionError);
    await expect(waited).rejects.toThrow(
      "kernel 'shiftedRead': argument 'x' index -2 is out of range (extent 4); 1 more out-of-range access was skipped.",
    );
  });

  it('zero the record with hipMemsetD32Async before the kernel and read it back after, then pass when in range', async () => {
    const { device, args, division, calls, launches } = setUp();
    const queue = device.createQueue({ boundsChecks: true });
    const before = calls.length;
    await queue.exec(division, shiftedRead, args(0));
    const record = launches[0]?.parameters[5]?.getBigUint64(0, true) ?? 0n;
    const stream = launches[0]?.stream;
    expect(calls.slice(before).filter((call) => /^(set|copy|callback)/.test(call))).toEqual([
      `set 4×4 bytes of 0 at ${record.toString(16)} on ${stream}`,
      `copy 16x1x1 from device ${record.toString(16)}+0 to host+0 on ${stream}`,
      expect.stringMatching(new RegExp(`^callback \\d+ on ${stream}$`)),
    ]);
    expect(launches[0]?.parameters.slice(6).map((parameter) => parameter.getUint32(0, true))).toEqual([0, 4, 4]);
    await expect(queue.wait()).resolves.toBeUndefined();
  });
});
