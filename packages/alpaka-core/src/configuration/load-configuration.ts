import { existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createJiti } from 'jiti';
import { FrameworkError, isFrameworkError } from '../errors/framework-error';
import type { ModuleClass } from '../modules/module-class';
import { adoptDescription } from './adopt-description';
import { componentKindOf, describeValueType } from './component-brand';
import { setConfigurationArguments } from './configuration-arguments';
import { isProcess, type Process } from './process';
import type { ProcessDescription } from './process-description';

export interface LoadedConfiguration {
  readonly process: Process;
  readonly description: ProcessDescription;
  /** The module classes the configuration registered (process.registerModule), by type name. */
  readonly moduleClasses: ReadonlyMap<string, ModuleClass>;
}

const typeScriptExtensions = new Set(['.ts', '.mts', '.cts']);
let loadCount = 0;

/**
 * cmsRun's reading of its configuration: evaluates the module (`.ts`/`.mts`/`.cts` through jiti, JavaScript
 * through import()), with `args` readable through configurationArguments(), and takes its default export:
 * a Process, or a function of the arguments returning one. Errors are cmsRun's: a missing file is
 * ConfigFileNotFound (7001); anything the configuration throws is ConfigFileReadError (7002) with its message,
 * except a FrameworkError, which passes unchanged (cmsRun rethrows an edm::Exception raised in Python as it
 * is); a default export that is not a Process is 7002 saying what was found.
 */
export async function loadConfiguration(file: string, args: readonly string[]): Promise<LoadedConfiguration> {
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new FrameworkError(
      'ConfigFileNotFound',
      `The configuration file '${file}' does not exist (looked for ${path}); give the path of a .ts or .js configuration.`,
    );
  }
  setConfigurationArguments(args);
  let process: unknown;
  try {
    const namespace = await importModule(path);
    let exported = namespace.default;
    if (typeof exported === 'function' && componentKindOf(exported) === undefined) {
      exported = await (exported as (args: readonly string[]) => unknown)(args);
    }
    process = exported;
  } catch (error) {
    throw readError(error, file);
  }
  if (!isProcess(process)) {
    throw new FrameworkError(
      'ConfigFileReadError',
      `The configuration file '${file}' must have a Process as its default export (\`export default process\`), ` +
        `or a function of the arguments returning one; its default export is ${describeExport(process)}.`,
    ).addContext(processingContext(file));
  }
  let description: ProcessDescription;
  try {
    description = adoptDescription(process.toDescription());
  } catch (error) {
    throw readError(error, file);
  }
  return { process, description, moduleClasses: process.moduleClasses_() };
}

async function importModule(path: string): Promise<{ default?: unknown }> {
  loadCount += 1;
  if (typeScriptExtensions.has(extname(path))) {
    // A fresh jiti per load with its module cache off, so a configuration loaded twice is evaluated twice.
    // '@alpaka-ts/core' itself is imported natively, so an installed configuration shares the runner's copy
    // (its module registry included) instead of jiti evaluating a second one.
    const jiti = createJiti(import.meta.url, {
      moduleCache: false,
      nativeModules: ['@alpaka-ts/core'],
      // The module's own default export, not jiti's stand-in (the namespace) when it has none.
      interopDefault: false,
    });
    return (await jiti.import(path)) as { default?: unknown };
  }
  // The query makes a second load of the same file a new module instance, evaluated with its arguments.
  return (await import(`${pathToFileURL(path).href}?load=${loadCount}`)) as { default?: unknown };
}

function processingContext(file: string): string {
  return `Processing the configuration file named ${file}`;
}

function readError(error: unknown, file: string): Error {
  if (isFrameworkError(error)) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new FrameworkError('ConfigFileReadError', `The configuration file '${file}' raised an error:\n${text}`, {
    cause: error,
  }).addContext(processingContext(file));
}

function describeExport(value: unknown): string {
  if (value === undefined) return 'undefined (the module has no default export)';
  const kind = componentKindOf(value);
  if (kind !== undefined) return `a ${kind}`;
  return describeValueType(value);
}
