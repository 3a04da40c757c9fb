import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModuleClass } from './module-class';
import type { ModuleRegistry } from './module-registry';

/**
 * The plugin manifest a package points at from its package.json (`"alpaka-ts": { "modules": "./x.json" }`),
 * CMSSW's plugin cache entry: which module types the package provides and where each class is exported, so a
 * configuration names a type without importing the package.
 *
 * ```json
 * { "specificationVersion": 1, "modules": { "IntProducer": { "import": "./dist/int-producer.js", "export": "IntProducer" } } }
 * ```
 */
export interface PluginManifest {
  readonly specificationVersion: 1;
  readonly modules: Readonly<Record<string, { readonly import: string; readonly export: string }>>;
}

export const pluginManifestSpecificationVersion = 1;

export interface PluginManifestDiscovery {
  /** The type names this discovery declared in the registry, in discovery order. */
  readonly declared: string[];
  /** One line per broken manifest or entry: the manifest's path and what is wrong with it. */
  readonly problems: string[];
}

/**
 * Finds the installed packages that declare modules and declares their types in the registry, each loaded
 * only when a configuration resolves it. From each directory of `from` it reads the package that directory
 * belongs to (the nearest package.json), then walks up to the file system root, reading every package in each
 * `node_modules` folder (scoped ones too), as Node's resolution would see them;
 * a package reached through several folders (or symlinks, as pnpm lays them out) is read once. A broken
 * manifest is reported in `problems` and discovery goes on; the first declaration of a type name wins.
 */
export async function discoverPluginManifests(
  registry: ModuleRegistry,
  options: { readonly from: readonly string[] },
): Promise<PluginManifestDiscovery> {
  const result: PluginManifestDiscovery = { declared: [], problems: [] };
  const seenFolders = new Set<string>();
  const seenPackages = new Set<string>();
  for (const start of options.from) {
    let directory = resolve(start);
    // First the package the directory belongs to (a configuration in a package's own folder names that
    // package's modules, as Node's self-reference resolves a package's own name), then every node_modules.
    const ownPackage = await enclosingPackage(directory);
    if (ownPackage !== undefined && !seenPackages.has(ownPackage)) {
      seenPackages.add(ownPackage);
      await readPackage(ownPackage, registry, result);
    }
    for (;;) {
      const folder = join(directory, 'node_modules');
      if (!seenFolders.has(folder)) {
        seenFolders.add(folder);
        for (const packageDirectory of await packagesIn(folder)) {
          const real = await realpathOrUndefined(packageDirectory);
          if (real === undefined || seenPackages.has(real)) continue;
          seenPackages.add(real);
          await readPackage(real, registry, result);
        }
      }
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  return result;
}

/** The nearest folder at or above `directory` with a package.json (its real path), or undefined. */
async function enclosingPackage(directory: string): Promise<string | undefined> {
  for (let folder = directory; ; folder = dirname(folder)) {
    const found = await realpathOrUndefined(join(folder, 'package.json'));
    if (found !== undefined) return dirname(found);
    if (dirname(folder) === folder) return undefined;
  }
}

/** The package folders of a node_modules folder, sorted, `@scope/name` included; none when it does not exist. */
async function packagesIn(folder: string): Promise<string[]> {
  const names = await namesIn(folder);
  const packages: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue; // .bin, .pnpm, .modules.yaml: not packages
    if (name.startsWith('@')) {
      for (const scoped of await namesIn(join(folder, name))) packages.push(join(folder, name, scoped));
    } else packages.push(join(folder, name));
  }
  return packages;
}

async function namesIn(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort();
  } catch {
    return [];
  }
}

async function realpathOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
}

/** Reads one package's package.json; a package without the field (or without a readable package.json) is skipped. */
async function readPackage(packageDirectory: string, registry: ModuleRegistry, result: PluginManifestDiscovery) {
  const packageJsonPath = join(packageDirectory, 'package.json');
  let packageJson: unknown;
  try {
    packageJson = JSON.parse(await readFile(packageJsonPath, 'utf8'));
  } catch {
    return; // not a package, or not ours to judge: only manifests we are pointed at are reported
  }
  const field = isRecord(packageJson) ? packageJson['alpaka-ts'] : undefined;
  if (field === undefined) return;
  const modulesPath = isRecord(field) ? field.modules : undefined;
  if (modulesPath === undefined && isRecord(field)) return; // the field may carry other things than modules
  if (typeof modulesPath !== 'string') {
    result.problems.push(
      `${packageJsonPath}: the "alpaka-ts" field must be an object whose "modules" is the path of a plugin manifest, relative to the package.`,
    );
    return;
  }
  const manifestPath = resolve(packageDirectory, modulesPath);
  if (!isInside(packageDirectory, manifestPath)) {
    result.problems.push(`${packageJsonPath}: the plugin manifest "${modulesPath}" is outside the package.`);
    return;
  }
  await readManifest(manifestPath, packageDirectory, registry, result);
}

async function readManifest(
  manifestPath: string,
  packageDirectory: string,
  registry: ModuleRegistry,
  result: PluginManifestDiscovery,
): Promise<void> {
  const report = (what: string) => result.problems.push(`${manifestPath}: ${what}`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (error) {
    report(`cannot read the plugin manifest: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!isRecord(manifest)) return void report('a plugin manifest must be a JSON object.');
  if (manifest.specificationVersion !== pluginManifestSpecificationVersion) {
    return void report(
      `unsupported specificationVersion ${JSON.stringify(manifest.specificationVersion)}: this version of @alpaka-ts/core reads version ${pluginManifestSpecificationVersion}.`,
    );
  }
  if (!isRecord(manifest.modules)) {
    return void report('"modules" must be an object mapping module type names to { "import", "export" }.');
  }
  for (const [typeName, entry] of Object.entries(manifest.modules)) {
    if (!isRecord(entry) || typeof entry.import !== 'string' || typeof entry.export !== 'string') {
      report(
        `module "${typeName}" needs "import" (a file relative to the package) and "export" (a name), both strings.`,
      );
      continue;
    }
    const file = resolve(packageDirectory, entry.import);
    if (!isInside(packageDirectory, file)) {
      report(`module "${typeName}": the file "${entry.import}" is outside the package.`);
      continue;
    }
    if (!(await isFile(file))) {
      report(`module "${typeName}": the file "${entry.import}" does not exist.`);
      continue;
    }
    const origin = registry.originOf(typeName);
    if (origin !== undefined) {
      if (origin !== 'registered') report(`module "${typeName}" is also declared by ${origin}, which is used.`);
      continue;
    }
    const exportName = entry.export;
    registry.declare(typeName, {
      declaredBy: manifestPath,
      load: async () => {
        const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
        if (!(exportName in loaded)) throw new Error(`${file} has no export named "${exportName}".`);
        return loaded[exportName] as ModuleClass;
      },
    });
    result.declared.push(typeName);
  }
}

function isInside(directory: string, path: string): boolean {
  const fromDirectory = relative(directory, path);
  return (
    fromDirectory !== '' &&
    fromDirectory !== '..' &&
    !fromDirectory.startsWith(`..${sep}`) &&
    !isAbsolute(fromDirectory)
  );
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
