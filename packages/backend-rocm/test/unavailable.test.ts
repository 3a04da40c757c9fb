import { BackendUnavailableError, loadBackend } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { rocmBackend } from '../src/index';
import { toolchain } from './toolchain';

// CI and the development machines have no AMD GPU: this is the path they can check.
describe.skipIf(rocmBackend.probe().available)('rocm_async without an AMD GPU', () => {
  it('probe() says no AMD GPU was found and which libraries it loaded, without throwing', () => {
    const probe = rocmBackend.probe();
    expect(probe.available).toBe(false);
    if (toolchain.available) {
      expect(probe.reason).toMatch(
        /^no AMD GPU found \((hipInit|hipGetDeviceCount): hipError\w+\); loaded HIP \d+\.\d+\.\d+ from \S*libamdhip64\.so[.\d]*, hiprtc \S+ from \S+$/,
      );
    } else {
      expect(probe.reason).toMatch(/libamdhip64 \(the HIP runtime\) was not found|native addon/);
    }
  });

  it('a configuration asking for rocm_async fails with "installed but unavailable" and the reason', async () => {
    const failure = loadBackend('rocm_async', { from: import.meta.url });
    await expect(failure).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(failure).rejects.toThrow(
      /backend 'rocm_async' \(package @alpaka-ts\/backend-rocm\) is installed but unavailable: .*(no AMD GPU found|libamdhip64)/,
    );
  });

  it('platform() refuses with the same reason', () => {
    expect(() => rocmBackend.platform()).toThrow(BackendUnavailableError);
    expect(() => rocmBackend.platform()).toThrow(/rocm_async is unavailable: /);
  });

  it('declares itself as alpaka_rocm_async does', () => {
    expect(rocmBackend).toMatchObject({
      name: 'rocm_async',
      accelerator: 'gpu-amd',
      acceleratorTypeName: 'AccGpuHipRt',
    });
  });
});
