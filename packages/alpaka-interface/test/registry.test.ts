import { describe, expect, it } from 'vitest';
import { assertBackend, hostPlatformV1, specificationVersion } from '../src/for-backends';
import { BackendContractError, type BackendV1, InvalidArgumentError, registerBackend } from '../src/index';

const minimalBackend = (name: string): BackendV1 => ({
  specificationVersion,
  name,
  accelerator: 'cpu',
  acceleratorTypeName: 'AccTest',
  runsOnHost: true,
  probe: () => ({ available: true, reason: 'test' }),
  platform: () => hostPlatformV1,
  limits: () => ({
    maxBlocksPerGrid: [1, 1, 1],
    maxThreadsPerBlock: [1, 1, 1],
    maxThreadsPerBlockTotal: 1,
    maxElementsPerThread: 1,
    maxDynamicSharedMemoryBytes: 0,
  }),
  launch: () => {},
});

describe('the backend registry', () => {
  it('registers a backend once and accepts the same object again', () => {
    const backend = minimalBackend('registry_test_a');
    expect(registerBackend(backend)).toBe(backend);
    expect(registerBackend(backend)).toBe(backend);
  });

  it('refuses a second, different backend under the same name (two copies of a package)', () => {
    registerBackend(minimalBackend('registry_test_b'));
    expect(() => registerBackend(minimalBackend('registry_test_b'))).toThrow(InvalidArgumentError);
    expect(() => registerBackend(minimalBackend('registry_test_b'))).toThrow(/two copies of its package/);
  });

  it('names the missing part of the contract', () => {
    const { launch: _launch, ...withoutLaunch } = minimalBackend('registry_test_c');
    expect(() => assertBackend(withoutLaunch, 'package @acme/x')).toThrow(BackendContractError);
    expect(() => assertBackend(withoutLaunch, 'package @acme/x')).toThrow(
      "package @acme/x: backend 'registry_test_c' has no launch() method.",
    );
    expect(() => assertBackend({ ...minimalBackend('x'), name: '' }, 'package @acme/x')).toThrow("no 'name' string");
  });
});
