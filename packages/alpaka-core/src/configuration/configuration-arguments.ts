/**
 * The trailing command-line arguments (`alpaka-run config.ts -- a b`), as cmsRun gives them to the Python
 * script in `sys.argv`. The loader sets them before it loads the configuration and leaves them set after, so a
 * configuration reads them while it is evaluated or later (in a default-exported function). They live under a
 * registered symbol on globalThis, so a configuration that imports another copy of this package (a second
 * install, jiti's own module instance) reads the ones the runner's copy set.
 */
const argumentsKey = Symbol.for('@alpaka-ts/core/configuration-arguments');

interface ArgumentsHolder {
  [argumentsKey]?: readonly string[];
}

const noArguments: readonly string[] = Object.freeze([]);

/** The arguments given after the configuration file (none outside a load). */
export function configurationArguments(): readonly string[] {
  return (globalThis as ArgumentsHolder)[argumentsKey] ?? noArguments;
}

/** Sets the arguments (the loader's job). */
export function setConfigurationArguments(values: readonly string[]): void {
  (globalThis as ArgumentsHolder)[argumentsKey] = Object.freeze([...values]);
}
