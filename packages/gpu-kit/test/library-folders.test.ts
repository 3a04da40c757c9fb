import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childrenMatching, existingLibraries } from '../src/index';

describe('the library search helpers', () => {
  const root = mkdtempSync(join(tmpdir(), 'alpaka-libraries-'));
  for (const folder of ['rocm-6.3.0', 'rocm-5.7.1', 'other']) mkdirSync(join(root, folder));
  writeFileSync(join(root, 'rocm-5.7.1', 'libamdhip64.so.5'), '');
  writeFileSync(join(root, 'rocm-6.3.0', 'libamdhip64.so.6'), '');

  it('lists the entries whose names match, and nothing for a folder that cannot be read', () => {
    expect(childrenMatching(root, /^rocm-/).sort()).toEqual([join(root, 'rocm-5.7.1'), join(root, 'rocm-6.3.0')]);
    expect(childrenMatching(join(root, 'missing'), /./)).toEqual([]);
  });

  it('keeps the files that exist, folder by folder, names in the order given', () => {
    const folders = [join(root, 'rocm-6.3.0'), join(root, 'rocm-5.7.1'), join(root, 'other')];
    expect(existingLibraries(folders, ['libamdhip64.so.6', 'libamdhip64.so.5'])).toEqual([
      join(root, 'rocm-6.3.0', 'libamdhip64.so.6'),
      join(root, 'rocm-5.7.1', 'libamdhip64.so.5'),
    ]);
  });
});
