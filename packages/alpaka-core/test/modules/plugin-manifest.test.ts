import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FrameworkError } from '../../src/errors/framework-error';
import { ModuleRegistry } from '../../src/modules/module-registry';
import { discoverPluginManifests } from '../../src/modules/plugin-manifest';

let root: string;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'alpaka-core-plugins-')));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, content: unknown): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
}

/** A package whose manifest declares `modules` and whose files are `files` (path → source). */
async function writePackage(
  folder: string,
  manifest: unknown,
  files: Record<string, string> = {},
  manifestPath = './alpaka-modules.json',
): Promise<void> {
  await write(`${folder}/package.json`, { name: folder, type: 'module', 'alpaka-ts': { modules: manifestPath } });
  await write(`${folder}/${manifestPath}`, manifest);
  for (const [path, source] of Object.entries(files)) await write(`${folder}/${path}`, source);
}

const producerSource = (name: string) =>
  `export class ${name} { static edmType = 'EDProducer'; constructor(parameters) { this.parameters = parameters; } }\n`;

describe('discoverPluginManifests', () => {
  it('declares the modules of installed packages, scoped ones too, and resolve() imports them', async () => {
    await writePackage(
      'project/node_modules/good-modules',
      { specificationVersion: 1, modules: { TempProducer: { import: './dist/producer.js', export: 'TempProducer' } } },
      { 'dist/producer.js': producerSource('TempProducer') },
    );
    await writePackage(
      'project/node_modules/@scope/alpaka-things',
      {
        specificationVersion: 1,
        modules: { 'ScopedProducer@alpaka': { import: './lib/scoped.js', export: 'Scoped' } },
      },
      { 'lib/scoped.js': producerSource('Scoped') },
    );
    await write('project/node_modules/plain/package.json', { name: 'plain' });
    await write('project/node_modules/.bin/tool', '#!/bin/sh\n');
    const registry = new ModuleRegistry();
    const result = await discoverPluginManifests(registry, { from: [join(root, 'project')] });
    expect(result.problems).toEqual([]);
    expect(result.declared).toEqual(['ScopedProducer@alpaka', 'TempProducer']);
    expect(registry.typeNames()).toEqual(['ScopedProducer@alpaka', 'TempProducer']);
    expect(registry.originOf('TempProducer')).toBe(join(root, 'project/node_modules/good-modules/alpaka-modules.json'));
    const producer = await registry.resolve('TempProducer');
    expect(producer.name).toBe('TempProducer');
    expect(producer.edmType).toBe('EDProducer');
    expect((await registry.resolve('ScopedProducer@alpaka')).name).toBe('Scoped');
  });

  it('walks up from each directory and reads a package once, however it is reached', async () => {
    await writePackage(
      'node_modules/upper-modules',
      { specificationVersion: 1, modules: { UpperProducer: { import: './producer.js', export: 'UpperProducer' } } },
      { 'producer.js': producerSource('UpperProducer') },
    );
    await writePackage(
      'store/linked-modules',
      { specificationVersion: 1, modules: { LinkedProducer: { import: './producer.js', export: 'LinkedProducer' } } },
      { 'producer.js': producerSource('LinkedProducer') },
    );
    await mkdir(join(root, 'project/node_modules'), { recursive: true });
    await mkdir(join(root, 'project/packages/a/src'), { recursive: true });
    await mkdir(join(root, 'project/packages/b/node_modules'), { recursive: true });
    // As pnpm lays packages out: symlinks to one store folder, from two node_modules folders.
    await symlink(join(root, 'store/linked-modules'), join(root, 'project/node_modules/linked-modules'), 'dir');
    await symlink(join(root, 'store/linked-modules'), join(root, 'project/packages/b/node_modules/alias'), 'dir');
    const registry = new ModuleRegistry();
    const result = await discoverPluginManifests(registry, {
      from: [join(root, 'project/packages/a/src'), join(root, 'project/packages/b'), join(root, 'project')],
    });
    // A second read would report "also declared by".
    expect(result.problems).toEqual([]);
    expect(result.declared).toEqual(['LinkedProducer', 'UpperProducer']);
    expect((await registry.resolve('UpperProducer')).name).toBe('UpperProducer');
  });

  it("reads the package a directory belongs to first: a configuration in a package's folder names its modules", async () => {
    await writePackage(
      'project/packages/own',
      { specificationVersion: 1, modules: { OwnProducer: { import: './producer.js', export: 'OwnProducer' } } },
      { 'producer.js': producerSource('OwnProducer') },
    );
    await writePackage(
      'project/node_modules/installed',
      { specificationVersion: 1, modules: { OwnProducer: { import: './other.js', export: 'Other' } } },
      { 'other.js': producerSource('Other') },
    );
    await mkdir(join(root, 'project/packages/own/configurations'), { recursive: true });
    const registry = new ModuleRegistry();
    const result = await discoverPluginManifests(registry, {
      from: [join(root, 'project/packages/own/configurations')],
    });
    expect(result.declared).toEqual(['OwnProducer']);
    // The installed package's declaration of the same name comes later and loses, reported as a problem.
    expect(result.problems).toEqual([expect.stringContaining('OwnProducer')]);
    expect(registry.originOf('OwnProducer')).toBe(join(root, 'project/packages/own/alpaka-modules.json'));
    expect((await registry.resolve('OwnProducer')).name).toBe('OwnProducer');
  });

  it('reports broken manifests with their path and what is wrong, and declares the rest', async () => {
    await writePackage('project/node_modules/a-bad-json', '{ "specificationVersion": 1, ');
    await writePackage('project/node_modules/b-wrong-version', { specificationVersion: 2, modules: {} });
    await writePackage('project/node_modules/c-no-modules', { specificationVersion: 1 });
    await writePackage(
      'project/node_modules/d-entries',
      {
        specificationVersion: 1,
        modules: {
          NoExport: { import: './x.js' },
          Outside: { import: '../e-good/good.js', export: 'Good' },
          Missing: { import: './missing.js', export: 'Missing' },
          Fine: { import: './x.js', export: 'Fine' },
        },
      },
      { 'x.js': producerSource('Fine') },
    );
    await writePackage(
      'project/node_modules/e-good',
      { specificationVersion: 1, modules: { Good: { import: './good.js', export: 'Good' } } },
      { 'good.js': producerSource('Good') },
    );
    await write('project/node_modules/f-outside-manifest/package.json', {
      name: 'f',
      'alpaka-ts': { modules: '../e-good/alpaka-modules.json' },
    });
    await write('project/node_modules/g-bad-field/package.json', { name: 'g', 'alpaka-ts': { modules: 3 } });
    const registry = new ModuleRegistry();
    const result = await discoverPluginManifests(registry, { from: [join(root, 'project')] });
    const modules = join(root, 'project/node_modules');
    expect(result.declared).toEqual(['Fine', 'Good']);
    expect(result.problems).toHaveLength(8);
    expect(result.problems[0]).toMatch(
      new RegExp(
        `^${escapeRegExp(`${modules}/a-bad-json/alpaka-modules.json`)}: cannot read the plugin manifest: .*JSON`,
      ),
    );
    expect(result.problems.slice(1)).toEqual([
      `${modules}/b-wrong-version/alpaka-modules.json: unsupported specificationVersion 2: this version of @alpaka-ts/core reads version 1.`,
      `${modules}/c-no-modules/alpaka-modules.json: "modules" must be an object mapping module type names to { "import", "export" }.`,
      `${modules}/d-entries/alpaka-modules.json: module "NoExport" needs "import" (a file relative to the package) and "export" (a name), both strings.`,
      `${modules}/d-entries/alpaka-modules.json: module "Outside": the file "../e-good/good.js" is outside the package.`,
      `${modules}/d-entries/alpaka-modules.json: module "Missing": the file "./missing.js" does not exist.`,
      `${modules}/f-outside-manifest/package.json: the plugin manifest "../e-good/alpaka-modules.json" is outside the package.`,
      `${modules}/g-bad-field/package.json: the "alpaka-ts" field must be an object whose "modules" is the path of a plugin manifest, relative to the package.`,
    ]);
  });

  it('keeps the first declaration of a name and an eagerly registered class', async () => {
    await writePackage(
      'project/node_modules/a-first',
      { specificationVersion: 1, modules: { Same: { import: './m.js', export: 'Same' } } },
      { 'm.js': producerSource('Same') },
    );
    await writePackage(
      'project/node_modules/b-second',
      {
        specificationVersion: 1,
        modules: { Same: { import: './m.js', export: 'Same' }, Registered: { import: './m.js', export: 'Same' } },
      },
      { 'm.js': producerSource('Same') },
    );
    class Registered {
      static readonly edmType = 'EDAnalyzer';
      readonly kind = 'registered';
    }
    const registry = new ModuleRegistry().register(Registered);
    const result = await discoverPluginManifests(registry, { from: [join(root, 'project')] });
    expect(result.declared).toEqual(['Same']);
    expect(result.problems).toEqual([
      `${join(root, 'project/node_modules/b-second/alpaka-modules.json')}: module "Same" is also declared by ${join(root, 'project/node_modules/a-first/alpaka-modules.json')}, which is used.`,
    ]);
    expect(await registry.resolve('Registered')).toBe(Registered);
  });

  it('turns a declared export that is missing into a Configuration error at resolve()', async () => {
    await writePackage(
      'project/node_modules/wrong-export',
      { specificationVersion: 1, modules: { Wrong: { import: './m.js', export: 'Other' } } },
      { 'm.js': producerSource('Wrong') },
    );
    const registry = new ModuleRegistry();
    await discoverPluginManifests(registry, { from: [join(root, 'project')] });
    const error = await registry.resolve('Wrong').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(FrameworkError);
    expect((error as FrameworkError).message).toContain(`has no export named "Other"`);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
