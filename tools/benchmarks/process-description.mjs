// ProcessDescriptions for the tools' jobs (benchmarks, GPU checks), built directly as the `cms` builders would
// give them: modules with CMSSW's `@module_*` parameters, an EmptySource, Paths of plain entries.
import { ParameterSet } from '@alpaka-ts/core';

/** One module; `fill` adds its parameters. */
export function moduleDescription(label, type, edmType, fill) {
  const parameters = new ParameterSet();
  fill?.(parameters);
  parameters.addParameter('@module_label', 'string', label);
  parameters.addParameter('@module_type', 'string', type);
  parameters.addParameter('@module_edm_type', 'string', edmType);
  return { label, type, edmType, parameters };
}

/** A job of `events` events from an EmptySource on `streams` streams; `paths` maps a path name to its labels. */
export function processDescription({ name = 'JOB', modules, paths, events, streams = 1, eventSetupModules = [] }) {
  return {
    name,
    source: moduleDescription('source', 'EmptySource', 'Source'),
    maxEvents: { input: events },
    options: {
      numberOfThreads: streams,
      numberOfStreams: streams,
      accelerators: ['*'],
      wantSummary: false,
      exceptionActions: { tryToContinue: [], skipEvent: [], failPath: [], ignoreCompletely: [], rethrow: [] },
      parameters: new ParameterSet(),
    },
    modules: new Map(modules.map((module) => [module.label, module])),
    eventSetupModules,
    paths: Object.entries(paths).map(([path, labels]) => ({
      name: path,
      entries: labels.map((label) => ({ label, operator: 'normal' })),
    })),
    endPaths: [],
    unscheduledModules: [],
    processAccelerators: [],
    services: [],
  };
}
