import { array, f32, kernel, WorkDivisionError } from '@alpaka-ts/interface';
import { kernelShapeOf } from '@alpaka-ts/interface/backend';
import { describe, expect, it } from 'vitest';
import type { GpuDevice } from '../src/gpu-device';
import { LoadedKernel } from '../src/gpu-kernels';
import { LaunchPlan } from '../src/launch-plan';
import { h200, standInGpuAddon } from '../src/testing';

// The stand-in's H200: 48 KiB without opting in, 227 KiB with it. LoadedKernel reads only these of its device.
const device = { index: 0, name: h200.properties.name, properties: h200.properties } as unknown as GpuDevice;

function loaded(staticSharedBytes: number) {
  const { addon, calls } = standInGpuAddon({ staticSharedBytes });
  const definition = kernel('reduce', { x: array(f32) }, () => {});
  const plan = new LaunchPlan(kernelShapeOf(definition), 1, false);
  const reduce = addon.moduleFunction(device.index, addon.moduleLoad(device.index, new ArrayBuffer(4)), 'reduce');
  const raised = () => calls.filter((call) => call.startsWith('opt in'));
  return { kernel: new LoadedKernel(addon, device, 'reduce', Number(reduce), plan, false), raised };
}

describe('dynamic shared memory above 48 KiB', () => {
  it('starts at what CUDA allows without opting in (48 KiB less the static part)', () => {
    expect(loaded(1024).kernel.dynamicSharedMemoryLimit).toBe(49152 - 1024);
  });

  it('opts the kernel in (cuFuncSetAttribute) to a larger size once, and keeps it', () => {
    const { kernel, raised } = loaded(1024);
    kernel.allowDynamicSharedMemory(200 * 1024);
    expect(raised()).toEqual([`opt in reduce to ${200 * 1024} dynamic shared bytes`]);
    expect(kernel.dynamicSharedMemoryLimit).toBe(200 * 1024);
  });

  it('refuses more than the device gives a block beside the static part, saying how much fits', () => {
    const { kernel, raised } = loaded(8192);
    expect(() => kernel.allowDynamicSharedMemory(232448)).toThrow(WorkDivisionError);
    expect(() => kernel.allowDynamicSharedMemory(232448)).toThrow(/8192 bytes of static.*at most 224256 bytes/);
    expect(raised()).toEqual([]);
  });
});
