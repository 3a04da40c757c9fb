import { nativeContractFunctions } from '@alpaka-ts/gpu-kit';
import { describe, expect, it } from 'vitest';
import { expectedAbiVersion, loadNativeAddon } from '../src/native-addon';
import { hipRequired, toolchain } from './toolchain';

describe('the rocm native addon', () => {
  it('was built by pnpm install against the local Node headers and reports the expected ABI version', () => {
    // Every machine we install on (developers' and CI) has g++ and Node's headers, so a failed build here is a bug.
    const status = loadNativeAddon();
    if (!status.available) throw new Error(status.reason);
    expect(status.addon.abiVersion).toBe(expectedAbiVersion);
    // The shared contract's entry points, from gpu-addon.h and this addon, and its own loaders.
    const exported = status.addon as unknown as Record<string, unknown>;
    for (const name of [...nativeContractFunctions, 'loadRuntime', 'loadHiprtc'])
      expect(typeof exported[name], name).toBe('function');
  });

  it('says why a HIP runtime file cannot be loaded, without throwing', () => {
    const status = loadNativeAddon();
    if (!status.available) throw new Error(status.reason);
    const result = status.addon.loadRuntime('/nonexistent/libamdhip64.so.5');
    expect(result.loaded).toBe(false);
    expect(result.reason).toMatch(/\/nonexistent\/libamdhip64\.so\.5: cannot open shared object file/);
    // A library without HIP's entry points is refused by name.
    const other = status.addon.loadRuntime('libc.so.6');
    expect(other).toEqual({ loaded: false, reason: expect.stringMatching(/missing HIP entry point/) });
  });

  it.runIf(hipRequired)('CI has HIP 5.2 (Debian libamdhip64-5), as .ci/run installs it', () => {
    expect(toolchain.available, toolchain.available ? '' : toolchain.reason).toBe(true);
  });
});

describe.skipIf(!toolchain.available)('HIP without an AMD GPU (Debian libamdhip64-5 here)', () => {
  it('loads the runtime, whose initialisation finds no device, and hiprtc', () => {
    if (!toolchain.available) return;
    expect(toolchain.runtimeVersion).toBeGreaterThanOrEqual(50_000_000);
    expect(toolchain.hipVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(toolchain.deviceCount).toBe(0);
    expect(toolchain.initError).toMatch(/^(hipInit|hipGetDeviceCount): hipError\w+$/);
    expect(toolchain.hiprtcPath).toMatch(/lib(hiprtc|amdhip64)\.so/);
  });

  it("compiles through the addon, returning an AMD code object (an ELF file) or the compiler's log", () => {
    if (!toolchain.available) return;
    const { addon } = toolchain;
    const good = addon.compile('extern "C" __global__ void k(float* x) { x[threadIdx.x] = 1.0f; }', 'k.hip', [
      '--offload-arch=gfx90a',
    ]);
    expect(good.ok).toBe(true);
    expect([...new Uint8Array(good.binary ?? new ArrayBuffer(0), 0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    const bad = addon.compile('extern "C" __global__ void k(float* x) { y[threadIdx.x] = 1.0f; }', 'k.hip', [
      '--offload-arch=gfx90a',
    ]);
    expect(bad.ok).toBe(false);
    expect(bad.binary).toBeUndefined();
    expect(bad.log).toMatch(/:1:\d+: error: use of undeclared identifier 'y'/);
  }, 60_000);

  it('refuses device calls on a device that does not exist, naming it', () => {
    if (!toolchain.available) return;
    const { addon } = toolchain;
    expect(() => addon.deviceProperties(0)).toThrow(/no HIP device 0/);
    expect(() => addon.memoryAllocate(0, 256)).toThrow(/no HIP device 0/);
  });
});
