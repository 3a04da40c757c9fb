import { BackendUnavailableError, loadBackend } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { cudaBackend } from '../src/index';

// CI and the development machines have no NVIDIA driver: this is the path they can check.
describe.skipIf(cudaBackend.probe().available)('cuda_async without a GPU', () => {
  it('probe() says what is missing and does not throw', () => {
    const probe = cudaBackend.probe();
    expect(probe.available).toBe(false);
    expect(probe.reason).toMatch(
      /libcuda\.so\.1 \(the NVIDIA driver\) could not be opened|no usable NVIDIA GPU|found no NVIDIA GPU/,
    );
  });

  it('loading it by name fails with "installed but unavailable" and the reason', async () => {
    const failure = loadBackend('cuda_async', { from: import.meta.url });
    await expect(failure).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(failure).rejects.toThrow(
      /backend 'cuda_async' \(package @alpaka-ts\/backend-cuda\) is installed but unavailable: .*libcuda/,
    );
  });

  it('platform() refuses with the same reason', () => {
    expect(() => cudaBackend.platform()).toThrow(BackendUnavailableError);
  });
});
