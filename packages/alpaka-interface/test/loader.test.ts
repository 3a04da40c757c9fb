import { plugIn, unplug } from '@acme/alpaka-backend-fixture';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acceleratorOf,
  allocBuf,
  array,
  BackendContractError,
  BackendNotInstalledError,
  BackendUnavailableError,
  f32,
  host,
  kernel,
  loadBackend,
  makeWorkDiv,
  packageNameOf,
  probeBackend,
  registeredBackend,
  u32,
} from '../src/index';
import { applicationWithPackages } from './temporary-packages';

const scale = kernel('scale', { n: u32, factor: f32, values: array(f32) }, (acc, { n, factor, values }) => {
  for (const i of acc.uniformElements(n)) values[i] = acc.f32(values[i] * factor);
});

afterEach(() => plugIn());

describe('loading backends by name', () => {
  it('maps the alpaka backend names to their packages and leaves package names alone', () => {
    expect(packageNameOf('serial_sync')).toBe('@alpaka-ts/backend-serial');
    expect(packageNameOf('cuda_async')).toBe('@alpaka-ts/backend-cuda');
    expect(packageNameOf('rocm_async')).toBe('@alpaka-ts/backend-rocm');
    expect(packageNameOf('@acme/alpaka-backend-fixture')).toBe('@acme/alpaka-backend-fixture');
  });

  it('loads a third-party backend package by name, registers it, and runs a kernel on it', async () => {
    const backend = await loadBackend('@acme/alpaka-backend-fixture', { from: import.meta.url });
    expect(backend.name).toBe('fixture_sync');
    expect(registeredBackend('fixture_sync')).toBe(backend);
    const values = allocBuf(host(), f32, 10);
    values.hostArray().set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const queue = host().createQueue();
    await queue.exec(makeWorkDiv(acceleratorOf(backend, 1), 3, 4), scale, { n: 10, factor: 1.5, values });
    expect([...values.hostArray()]).toEqual([0, 1.5, 3, 4.5, 6, 7.5, 9, 10.5, 12, 13.5]);
  });

  it('says "not installed", naming the package and where it looked, when no package is found', async () => {
    const from = applicationWithPackages({});
    const status = await probeBackend('@acme/missing-backend', { from });
    expect(status).toMatchObject({ packageName: '@acme/missing-backend', installed: false, available: false });
    const failure = loadBackend('@acme/missing-backend', { from });
    await expect(failure).rejects.toBeInstanceOf(BackendNotInstalledError);
    await expect(failure).rejects.toThrow(
      /backend package @acme\/missing-backend is not installed \(looked from file:.*alpaka-app-.*\); install it, e.g. pnpm add @acme\/missing-backend/,
    );
  });

  it('says "installed but unavailable" with the backend\'s own reason when probe() reports no device', async () => {
    await loadBackend('@acme/alpaka-backend-fixture', { from: import.meta.url });
    unplug();
    const failure = loadBackend('@acme/alpaka-backend-fixture', { from: import.meta.url });
    await expect(failure).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(failure).rejects.toThrow(
      /backend 'fixture_sync' \(package @acme\/alpaka-backend-fixture\) is installed but unavailable: .*libacme.so.1 found, no card/,
    );
    const status = await probeBackend('fixture_sync');
    expect(status).toMatchObject({ installed: true, available: false });
  });

  it('reports a package that fails to import as installed but unavailable, with the import error', async () => {
    const from = applicationWithPackages({
      '@acme/broken-backend': "throw new Error('libacme.so.1: cannot open shared object file');\n",
    });
    const status = await probeBackend('@acme/broken-backend', { from });
    expect(status.installed).toBe(true);
    expect(status.reason).toMatch(/installed but failed to load: libacme.so.1: cannot open shared object file/);
    await expect(loadBackend('@acme/broken-backend', { from })).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it('rejects a package that implements another contract version, saying which', async () => {
    const from = applicationWithPackages({
      '@acme/old-backend': "export default { specificationVersion: 'v0', name: 'old_sync' };\n",
      '@acme/no-default': 'export const backend = {};\n',
    });
    expect((await probeBackend('@acme/old-backend', { from })).reason).toMatch(
      /implements backend specification v0; this @alpaka-ts\/interface needs v1/,
    );
    expect((await probeBackend('@acme/no-default', { from })).reason).toMatch(
      /does not export a backend object as its default export/,
    );
    const failure = loadBackend('@acme/old-backend', { from });
    await expect(failure).rejects.toBeInstanceOf(BackendContractError);
    await expect(failure).rejects.toThrow(/implements backend specification v0/);
  });

  it('throws BackendContractError at loadBackend for a missing method or a probe() returning garbage', async () => {
    const backendWith = (name: string, probe: string, methods = 'platform() {}, limits() {}, launch() {}') =>
      `export default { specificationVersion: 'v1', name: '${name}', accelerator: 'cpu', acceleratorTypeName: 'AccX', runsOnHost: true, probe() { ${probe} }, ${methods} };\n`;
    const from = applicationWithPackages({
      '@acme/no-launch': backendWith(
        'no_launch',
        "return { available: true, reason: '' };",
        'platform() {}, limits() {}',
      ),
      '@acme/garbage-probe': backendWith('garbage_probe', "return 'yes';"),
      '@acme/half-probe': backendWith('half_probe', 'return { available: 1 };'),
    });
    await expect(loadBackend('@acme/no-launch', { from })).rejects.toThrow(
      new BackendContractError("package @acme/no-launch: backend 'no_launch' has no launch() method."),
    );
    for (const [name, returned] of [
      ['garbage-probe', '"yes"'],
      ['half-probe', '{"available":1}'],
    ] as const) {
      const failure = loadBackend(`@acme/${name}`, { from });
      await expect(failure).rejects.toBeInstanceOf(BackendContractError);
      await expect(failure).rejects.toThrow(
        `returned ${returned} from probe(), which must return { available: boolean, reason: string }`,
      );
      expect((await probeBackend(`@acme/${name}`, { from })).contractError).toBeInstanceOf(BackendContractError);
    }
  });

  it('looks a package up from a folder the same with or without a trailing slash', async () => {
    const folder = applicationWithPackages({
      '@acme/slash-backend': "export default { specificationVersion: 'v0', name: 'slash' };\n",
    }).pathname;
    for (const from of [folder, folder.replace(/\/$/, ''), new URL(`file://${folder.replace(/\/$/, '')}`)]) {
      const status = await probeBackend('@acme/slash-backend', { from });
      expect(status.installed).toBe(true);
      expect(status.reason).toMatch(/specification v0/);
    }
  });

  it('reports a probe() that throws instead of letting it escape', async () => {
    const from = applicationWithPackages({
      '@acme/throwing-probe': [
        "export default { specificationVersion: 'v1', name: 'throwing_probe', accelerator: 'cpu', acceleratorTypeName: 'AccThrowing', runsOnHost: true,",
        "  probe() { throw new Error('segfault avoided'); }, platform() {}, limits() {}, launch() {} };",
      ].join('\n'),
    });
    const status = await probeBackend('@acme/throwing-probe', { from });
    expect(status).toMatchObject({ installed: true, available: false });
    expect(status.reason).toMatch(/threw from probe\(\), which it must not: segfault avoided/);
    const failure = loadBackend('@acme/throwing-probe', { from });
    await expect(failure).rejects.toBeInstanceOf(BackendContractError);
    await expect(failure).rejects.toHaveProperty('cause.message', 'segfault avoided');
  });
});
