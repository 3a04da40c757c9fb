import { allocBuf, array, createView, f32, host, kernel, makeWorkDiv, u32 } from '@alpaka-ts/interface';
import { afterEach, describe, expect, it } from 'vitest';
import { acc1D, cpuLaunchCounts } from '../src/index';

const scale = kernel('scale', { n: u32, a: f32, x: array(f32) }, (acc, { n, a, x }) => {
  for (const i of acc.uniformElements(n)) x[i] = a * x[i] + 0.1;
});

async function launch(x: Parameters<typeof createView>[0] | ReturnType<typeof allocBuf>) {
  const buffer = 'hostArray' in x ? x : createView(x);
  await host()
    .createQueue()
    .exec(makeWorkDiv(acc1D, 3, 4), scale, { n: 10, a: 1.5, x: buffer as never });
}

describe('which CPU emitter a launch runs through', () => {
  afterEach(() => {
    delete process.env.ALPAKA_TS_CPU_EMITTER;
  });

  it('WebAssembly for host buffers (the host heap), JavaScript for arrays of your own, with the same results', async () => {
    const heapBuffer = allocBuf(host(), f32, 10);
    heapBuffer.hostArray().set(Array.from({ length: 10 }, (_, i) => i * 0.3));
    const own = Float32Array.from({ length: 10 }, (_, i) => i * 0.3);
    const start = cpuLaunchCounts();
    await launch(heapBuffer);
    expect(cpuLaunchCounts().webassembly).toBe(start.webassembly + 1);
    await launch(own);
    expect(cpuLaunchCounts().javascript).toBe(start.javascript + 1);
    expect([...heapBuffer.hostArray()]).toEqual([...own]);
    expect(own[3]).toBe(Math.fround(Math.fround(1.5 * Math.fround(0.9)) + Math.fround(0.1)));
  });

  it('JavaScript when ALPAKA_TS_CPU_EMITTER=javascript; a value it does not know is refused', async () => {
    const buffer = allocBuf(host(), f32, 10);
    const start = cpuLaunchCounts();
    process.env.ALPAKA_TS_CPU_EMITTER = 'javascript';
    await launch(buffer);
    expect(cpuLaunchCounts()).toEqual({ webassembly: start.webassembly, javascript: start.javascript + 1 });
    process.env.ALPAKA_TS_CPU_EMITTER = 'wasm';
    await expect(launch(buffer)).rejects.toThrow(
      "ALPAKA_TS_CPU_EMITTER is 'wasm'; set it to 'webassembly' (the default) or 'javascript', or unset it.",
    );
  });
});
