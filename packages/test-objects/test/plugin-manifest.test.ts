import { readdirSync, readFileSync } from 'node:fs';
import { isModuleClass } from '@alpaka-ts/core';
import { expect, it } from 'vitest';
import * as plugins from '../src/plugins';

// The manifest alpaka-run reads and the plugin entry it imports must agree: a type declared but not exported
// (or exported under another name) fails only when a configuration uses it, so it is checked here.
const manifest = JSON.parse(readFileSync(new URL('../alpaka-modules.json', import.meta.url), 'utf8')) as {
  specificationVersion: number;
  modules: Record<string, { import: string; export: string }>;
};

it('declares every module class of src/plugins.ts, each by its CMSSW type name, from dist/plugins.js', () => {
  expect(manifest.specificationVersion).toBe(1);
  const exported = Object.entries(plugins).filter(([, value]) => isModuleClass(value));
  const declared = Object.values(manifest.modules).map((entry) => entry.export);
  expect(new Set(declared)).toEqual(new Set(exported.map(([name]) => name)));
  for (const [typeName, entry] of Object.entries(manifest.modules)) {
    expect(entry.import).toBe('./dist/plugins.js');
    // CMSSW's name is the class name, with the namespace the configurations write for the host ES producers.
    expect(typeName.endsWith(entry.export)).toBe(true);
  }
});

it('is the manifest the package.json points at', () => {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    'alpaka-ts': { modules: string };
    files: string[];
  };
  expect(packageJson['alpaka-ts'].modules).toBe('./alpaka-modules.json');
  expect(packageJson.files).toEqual(expect.arrayContaining(['alpaka-modules.json', 'configurations', 'dist']));
});

it('declares every module class the package defines (a new module in src needs its manifest line)', () => {
  const defined: string[] = [];
  for (const folder of ['analyzers', 'es-producers', 'modules']) {
    const directory = new URL(`../src/${folder}/`, import.meta.url);
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(new URL(file, directory), 'utf8');
      for (const match of text.matchAll(/^export class (\w+) extends /gm)) defined.push(match[1] as string);
    }
  }
  const declared = new Set(Object.values(manifest.modules).map((entry) => entry.export));
  expect(defined.filter((name) => !declared.has(name))).toEqual([]);
});
