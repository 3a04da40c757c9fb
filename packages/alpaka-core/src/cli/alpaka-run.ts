#!/usr/bin/env node
// alpaka-run: cmsRun and pixeltrack's main in one (cli/ is the only folder that touches process.argv). This
// file wires the real framework into the runner; run-alpaka-run.ts is the runner itself, tested with fakes.
import { formatConfiguration } from '../configuration/format-configuration';
import { loadConfiguration } from '../configuration/load-configuration';
import { formatModuleHelpFromRegistry } from '../parameter-set/print-description';
import { createEventProcessor } from '../scheduling/event-processor';
import { alpakaRunMain } from './alpaka-run-main';
import { buildJobRegistry, manifestSearchDirectories, validateProcessDescription } from './job-registry';

const warn = (text: string) => process.stderr.write(`${text}\n`);
// Without a configuration (--help-module, --list-modules) the types are the framework's and the manifests'.
const registry = await buildJobRegistry({ searchFrom: manifestSearchDirectories(undefined), warn });

await alpakaRunMain({
  registry,
  createEventProcessor,
  formatConfiguration: (description) => formatConfiguration(description),
  validateDescription: validateProcessDescription,
  describeModule: (typeName, jobRegistry) => formatModuleHelpFromRegistry(jobRegistry, typeName),
  listModules: async (jobRegistry) => jobRegistry.typeNames(),
  async loadConfiguration(file, args) {
    const loaded = await loadConfiguration(file, args);
    const jobRegistry = await buildJobRegistry({
      searchFrom: manifestSearchDirectories(file),
      moduleClasses: loaded.moduleClasses,
      warn,
    });
    return { description: loaded.description, registry: jobRegistry };
  },
});
