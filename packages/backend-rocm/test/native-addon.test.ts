import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectedAbiVersion, loadNativeAddon } from '../src/native-addon';

function scratchBuildDirectory(): URL {
  return pathToFileURL(`${mkdtempSync(join(tmpdir(), 'alpaka-rocm-addon-'))}/`);
}

describe('the rocm native addon', () => {
  it('was built by pnpm install against the local Node headers and reports the expected ABI version', () => {
    // Every machine we install on (developers' and CI) has g++ and Node's headers, so a failed build here is a bug.
    const status = loadNativeAddon();
    if (!status.available) throw new Error(status.reason);
    expect(status.addon.abiVersion).toBe(expectedAbiVersion);
  });

  it('reports a build failure recorded at install time instead of throwing', () => {
    const directory = scratchBuildDirectory();
    writeFileSync(new URL('native-build-failure.txt', directory), 'g++: not found\n');
    const status = loadNativeAddon(directory);
    expect(status).toEqual({ available: false, reason: expect.stringContaining('g++: not found') });
  });

  it('says how to fix a missing addon', () => {
    const status = loadNativeAddon(scratchBuildDirectory());
    expect(status.available).toBe(false);
    if (!status.available) expect(status.reason).toMatch(/missing at .*alpaka_rocm\.node; reinstall/);
  });

  it('reports a corrupt addon file as unavailable, naming the file', () => {
    const directory = scratchBuildDirectory();
    mkdirSync(new URL('Release/', directory));
    writeFileSync(new URL('Release/alpaka_rocm.node', directory), 'not an ELF file');
    const status = loadNativeAddon(directory);
    expect(status.available).toBe(false);
    if (!status.available) expect(status.reason).toMatch(/alpaka_rocm\.node could not be loaded/);
  });
});
