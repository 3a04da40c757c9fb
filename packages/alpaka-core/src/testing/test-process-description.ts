import type { ModuleDescription, ModuleEdmType, ProcessDescription } from '../configuration/process-description';
import { FrameworkError } from '../errors/framework-error';
import { ParameterSet } from '../parameter-set/parameter-set';
import { TestESProductToken, type TestProcessorConfig, TestProductToken, type TestPut } from './test-processor-config';
import type { TestProcessorState } from './test-processor-state';

/** The type names of the modules a TestProcessor adds to its job (its own registry holds them). */
export const testProcessorModuleTypes = {
  source: 'TestProcessorSource',
  output: 'TestProcessorOutputModule',
  eventSetupProducer: 'TestProcessorESProducer',
  eventSetupSource: 'TestProcessorESSource',
} as const;

/** Labels and names of what the TestProcessor adds around the module under test. */
export const testProcessorLabels = {
  output: 'testProcessorOutput',
  path: '_test_path',
  endPath: '_test_endpath',
  eventSetupProducer: 'testProcessorESProducer',
  eventSetupSource: 'testProcessorESSource',
} as const;

function internalModule(label: string, type: string, edmType: ModuleEdmType): ModuleDescription {
  const parameters = new ParameterSet()
    .addParameter('@module_label', 'string', label)
    .addParameter('@module_type', 'string', type)
    .addParameter('@module_edm_type', 'string', edmType);
  return { label, type, edmType, parameters };
}

/**
 * The job a TestProcessor runs (CMSSW's TestProcess): its source, the module under test alone on a Path, an
 * output module keeping every product on the EndPath, and the EventSetup helper when the test feeds ES data.
 * No maxEvents: each test() asks for one event.
 */
export function processDescriptionForTest(
  config: TestProcessorConfig,
  module: ModuleDescription,
  withEventSetup: boolean,
): ProcessDescription {
  const labels = testProcessorLabels;
  if (module.label === labels.output) {
    throw new FrameworkError(
      'Configuration',
      `TestProcessor: the label '${labels.output}' is the TestProcessor's own.`,
    );
  }
  const modules = new Map<string, ModuleDescription>([
    [module.label, module],
    [labels.output, internalModule(labels.output, testProcessorModuleTypes.output, 'OutputModule')],
  ]);
  return {
    name: config.processName,
    source: internalModule('source', testProcessorModuleTypes.source, 'Source'),
    maxEvents: { input: -1 },
    options: {
      numberOfThreads: 1,
      numberOfStreams: 1,
      accelerators: ['*'],
      wantSummary: false,
      exceptionActions: { tryToContinue: [], skipEvent: [], failPath: [], ignoreCompletely: [], rethrow: [] },
      parameters: new ParameterSet(),
    },
    modules,
    eventSetupModules: withEventSetup
      ? [
          internalModule(labels.eventSetupSource, testProcessorModuleTypes.eventSetupSource, 'ESSource'),
          internalModule(labels.eventSetupProducer, testProcessorModuleTypes.eventSetupProducer, 'ESProducer'),
        ]
      : [],
    paths: [{ name: labels.path, entries: [{ label: module.label, operator: 'normal' }] }],
    endPaths: [{ name: labels.endPath, entries: [{ label: labels.output, operator: 'normal' }] }],
    unscheduledModules: [],
    processAccelerators: [],
  };
}

/**
 * Takes the products of one call into the state: each must be a [token, product] pair with a token of this
 * TestProcessor's config, given once, with a product (not undefined or null); Event products only to test().
 */
export function checkPuts(state: TestProcessorState, puts: readonly TestPut[], eventAllowed: boolean): void {
  for (const put of puts) {
    if (!Array.isArray(put) || put.length !== 2) {
      throw new FrameworkError(
        'LogicError',
        'TestProcessor: each argument must be a [token, product] pair (token.with(product) makes one).',
      );
    }
    const [token, product] = put;
    if (product === undefined || product === null) {
      throw new FrameworkError('LogicError', 'TestProcessor: a product given to the test is null or undefined.');
    }
    if (token instanceof TestProductToken) {
      if (state.products[token.index] !== token) throw foreignToken('produces');
      if (!eventAllowed) {
        throw new FrameworkError(
          'LogicError',
          `TestProcessor: the Event product '${token.label}' can only be given to test(); run and luminosity-block transitions take EventSetup data.`,
        );
      }
      if (state.eventProducts[token.index] !== undefined) throw givenTwice(`the Event product '${token.label}'`);
      state.eventProducts[token.index] = product;
    } else if (token instanceof TestESProductToken) {
      if (state.eventSetupProducts[token.index] !== token) throw foreignToken('esProduces');
      if (state.eventSetupGiven[token.index]) throw givenTwice(`the EventSetup data of "${token.record.recordName}"`);
      state.eventSetupData[token.index] = product;
      state.eventSetupGiven[token.index] = true;
    } else {
      throw new FrameworkError(
        'LogicError',
        'TestProcessor: a pair does not start with a token from TestProcessorConfig.produces or esProduces.',
      );
    }
  }
}

function foreignToken(call: string): FrameworkError {
  return new FrameworkError(
    'LogicError',
    `TestProcessor: a token from ${call}() of another TestProcessorConfig, or declared after this TestProcessor was created.`,
  );
}

function givenTwice(what: string): FrameworkError {
  return new FrameworkError('LogicError', `TestProcessor: ${what} was given twice to one call.`);
}
