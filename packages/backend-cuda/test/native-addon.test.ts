import { nativeContractFunctions } from '@alpaka-ts/gpu-kit';
import { describe, expect, it } from 'vitest';
import { expectedAbiVersion, loadNativeAddon } from '../src/native-addon';

describe('the cuda native addon', () => {
  it('was built by pnpm install against the local Node headers and reports the expected ABI version', () => {
    // Every machine we install on (developers' and CI) has g++ and Node's headers, so a failed build here is a bug.
    const status = loadNativeAddon();
    if (!status.available) throw new Error(status.reason);
    expect(status.addon.abiVersion).toBe(expectedAbiVersion);
    // The shared contract's entry points, from gpu-addon.h and this addon, and its own loaders.
    const exported = status.addon as unknown as Record<string, unknown>;
    for (const name of [...nativeContractFunctions, 'loadDriver', 'loadNvrtc'])
      expect(typeof exported[name], name).toBe('function');
  });
});
