import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNativeAddonFile } from '../src/native-addon-file';

const loadNativeAddon = (directory: URL) =>
  loadNativeAddonFile(directory, 'alpaka_cuda.node', 'alpaka-ts.cuda-addon.7');

function scratchBuildDirectory(): URL {
  return pathToFileURL(`${mkdtempSync(join(tmpdir(), 'alpaka-gpu-addon-'))}/`);
}

describe("loading a backend's native addon file", () => {
  it('reports a build failure recorded at install time instead of throwing', () => {
    const directory = scratchBuildDirectory();
    writeFileSync(new URL('native-build-failure.txt', directory), 'g++: not found\n');
    const status = loadNativeAddon(directory);
    expect(status).toEqual({ available: false, reason: expect.stringContaining('g++: not found') });
  });

  it('says how to fix a missing addon', () => {
    const status = loadNativeAddon(scratchBuildDirectory());
    expect(status.available).toBe(false);
    if (!status.available) expect(status.reason).toMatch(/missing at .*alpaka_cuda\.node; reinstall/);
  });

  it('reports a corrupt addon file as unavailable, naming the file', () => {
    const directory = scratchBuildDirectory();
    mkdirSync(new URL('Release/', directory));
    writeFileSync(new URL('Release/alpaka_cuda.node', directory), 'not an ELF file');
    const status = loadNativeAddon(directory);
    expect(status.available).toBe(false);
    if (!status.available) expect(status.reason).toMatch(/alpaka_cuda\.node could not be loaded/);
  });
});

describe('a stale addon', () => {
  it('is refused with the version it has and the one needed', () => {
    const directory = scratchBuildDirectory();
    mkdirSync(new URL('Release/', directory));
    // A CommonJS module stands in for an addon built for another ABI version (require() loads either).
    writeFileSync(new URL('Release/old.cjs', directory), "module.exports = { abiVersion: 'alpaka-ts.cuda-addon.1' };");
    const status = loadNativeAddonFile(directory, 'old.cjs', 'alpaka-ts.cuda-addon.7');
    expect(status.available).toBe(false);
    if (!status.available)
      expect(status.reason).toMatch(
        /is version alpaka-ts\.cuda-addon\.1, this package needs alpaka-ts\.cuda-addon\.7; reinstall/,
      );
  });
});
