import type { ModuleDescription, ModuleEdmType, ProcessDescription } from '../configuration/process-description';
import { FrameworkError } from '../errors/framework-error';
import { ModuleRegistry } from '../modules/module-registry';
import { ParameterSet } from '../parameter-set/parameter-set';
import type { ActivityRegistry } from '../scheduling/activity-registry';
import { createEventProcessor } from '../scheduling/event-processor';
import type { EventProcessor } from '../scheduling/event-processor-contract';
import { registerBuiltInModules } from '../sources/built-in-modules';
import { callNumberedEventSetupProvider, makeEventSetupTestHelperClasses } from './event-setup-test-helper';
import { TestEvent } from './test-event';
import { TestModuleRegistry } from './test-module-registry';
import { makeTestOutputModuleClass } from './test-output-module';
import { checkPuts, processDescriptionForTest, testProcessorModuleTypes } from './test-process-description';
import type { TestProcessorConfig, TestPut } from './test-processor-config';
import { clearCallProducts, makeTestProcessorState, type TestProcessorState } from './test-processor-state';
import { makeTestSourceClass } from './test-source';

const testedEdmTypes: readonly ModuleEdmType[] = ['EDProducer', 'EDFilter', 'EDAnalyzer'];

/**
 * CMSSW's edm::test::TestProcessor: runs one module, built from its parameters exactly as in a job (the real
 * EventProcessor: validation with fillDescriptions defaults, tokens, transforms, ExternalWork, the real
 * EventSetup), on one stream. `create` constructs the job and runs beginJob and beginStream (so parameter
 * errors surface there); each `test()` runs one event with the products it is given and returns what the
 * module put; the run and luminosity block begin before the first event (run 1, luminosity block 1) and end
 * at `testEndJob()`, unless the test* transition calls move them. A failure rejects with the FrameworkError
 * (CMSSW's context added) and ends the usefulness of this TestProcessor: later calls reject with it again.
 */
export class TestProcessor {
  readonly config: TestProcessorConfig;
  readonly moduleLabel: string;
  readonly processName: string;
  readonly #processor: EventProcessor;
  readonly #state: TestProcessorState;
  #ended = false;

  private constructor(config: TestProcessorConfig, processor: EventProcessor, state: TestProcessorState) {
    this.config = config;
    this.moduleLabel = config.moduleLabel;
    this.processName = config.processName;
    this.#processor = processor;
    this.#state = state;
  }

  /** Builds the job for the config's module and begins it; rejects with construction and validation errors. */
  static async create(
    config: TestProcessorConfig,
    options: { readonly activityRegistry?: ActivityRegistry } = {},
  ): Promise<TestProcessor> {
    const state = makeTestProcessorState(config.products(), config.eventSetupProducts());
    const registry = new TestModuleRegistry(config.registry ?? registerBuiltInModules(new ModuleRegistry()));
    const types = testProcessorModuleTypes;
    registry.register(makeTestSourceClass(state), types.source);
    registry.register(makeTestOutputModuleClass(state), types.output);
    if (state.eventSetupProducts.length > 0) {
      const helper = makeEventSetupTestHelperClasses(state);
      registry.register(helper.producer, types.eventSetupProducer);
      registry.register(helper.source, types.eventSetupSource);
    }
    const spec = config.module;
    const typeName = typeof spec.type === 'function' ? spec.type.name : spec.type;
    if (typeof typeName !== 'string' || typeName === '') {
      throw new FrameworkError(
        'Configuration',
        'TestProcessorConfig: the module type must be a registered type name or a named module class.',
      );
    }
    if (typeof spec.type === 'function') registry.register(spec.type, typeName);
    const edmType = spec.edmType ?? (await registry.resolve(typeName)).edmType;
    if (!testedEdmTypes.includes(edmType)) {
      throw new FrameworkError(
        'Configuration',
        `TestProcessor tests an EDProducer, EDFilter or EDAnalyzer; the module type "${typeName}" is of kind ${edmType}.`,
      );
    }
    const description: ProcessDescription = processDescriptionForTest(
      config,
      moduleDescription(config, typeName, edmType),
      state.eventSetupProducts.length > 0,
    );
    const processor = await createEventProcessor(description, {
      registry,
      numberOfThreads: 1,
      numberOfStreams: 1,
      createEventSetupProvider: callNumberedEventSetupProvider(state),
      ...(options.activityRegistry === undefined ? {} : { activityRegistry: options.activityRegistry }),
    });
    try {
      await processor.beginJob();
    } catch (error) {
      await processor.endJob().catch(() => undefined);
      throw error;
    }
    return new TestProcessor(config, processor, state);
  }

  /** The signals of the job, for services a test attaches. */
  get activityRegistry(): ActivityRegistry {
    return this.#processor.activityRegistry;
  }

  /** Runs one event with these Event and EventSetup products; resolves to what the module put. */
  async test(...puts: readonly TestPut[]): Promise<TestEvent> {
    this.#checkUsable('test');
    this.#state.call++;
    try {
      checkPuts(this.#state, puts, true);
      await this.#processor.run({ maxEvents: 1 });
      const written = this.#state.written;
      if (written === undefined) {
        throw new FrameworkError('LogicError', 'TestProcessor: the event did not reach the output module.');
      }
      return new TestEvent(written, this.moduleLabel, this.processName);
    } finally {
      clearCallProducts(this.#state);
    }
  }

  /** Ends the open run (and luminosity block) if another, then begins this run (CMSSW's testBeginRun). */
  async testBeginRun(run: number, ...puts: readonly TestPut[]): Promise<void> {
    this.#state.run = checkNumber(run, 'testBeginRun', 'run');
    return this.#transition('testBeginRun', puts, (processor) => moveToBlock(processor, run, 0));
  }

  /** Begins this luminosity block of the current run, ending the open one (CMSSW's testBeginLuminosityBlock). */
  async testBeginLuminosityBlock(luminosityBlock: number, ...puts: readonly TestPut[]): Promise<void> {
    this.#state.luminosityBlock = checkNumber(luminosityBlock, 'testBeginLuminosityBlock', 'luminosityBlock');
    return this.#transition('testBeginLuminosityBlock', puts, (processor) =>
      moveToBlock(processor, this.#state.run, luminosityBlock),
    );
  }

  /** Ends the current luminosity block (begun first if it was not). */
  async testEndLuminosityBlock(...puts: readonly TestPut[]): Promise<void> {
    const { run, luminosityBlock } = this.#state;
    return this.#transition('testEndLuminosityBlock', puts, async (processor) => {
      await moveToBlock(processor, run, luminosityBlock);
      await endOpenBlocks(processor, 'luminosityBlock');
    });
  }

  /** Ends the open luminosity block and the current run (begun first if it was not). */
  async testEndRun(...puts: readonly TestPut[]): Promise<void> {
    const run = this.#state.run;
    return this.#transition('testEndRun', puts, async (processor) => {
      await moveToBlock(processor, run, 0);
      await endOpenBlocks(processor, 'run');
    });
  }

  /** Begins and ends a run with no luminosity block, then ends the job (CMSSW's testRunWithNoLuminosityBlocks). */
  async testRunWithNoLuminosityBlocks(...puts: readonly TestPut[]): Promise<void> {
    await this.testBeginRun(this.#state.run, ...puts);
    await this.#transition('testRunWithNoLuminosityBlocks', [], (processor) => endOpenBlocks(processor, 'run'));
    await this.testEndJob();
  }

  /** Begins and ends a luminosity block with no event, then ends the job (testLuminosityBlockWithNoEvents). */
  async testLuminosityBlockWithNoEvents(...puts: readonly TestPut[]): Promise<void> {
    await this.testBeginLuminosityBlock(this.#state.luminosityBlock, ...puts);
    await this.#transition('testLuminosityBlockWithNoEvents', [], (processor) => endOpenBlocks(processor, 'run'));
    await this.testEndJob();
  }

  /** Ends what is open and the job (endStream, endJob); later calls are refused. */
  async testEndJob(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    await this.#processor.endJob();
  }

  /** The run of the next event; the open run ends before it (CMSSW's setRunNumber). */
  setRunNumber(run: number): void {
    this.#state.run = checkNumber(run, 'setRunNumber', 'run');
  }

  /** The luminosity block of the next event; the open one ends before it. */
  setLuminosityBlockNumber(luminosityBlock: number): void {
    this.#state.luminosityBlock = checkNumber(luminosityBlock, 'setLuminosityBlockNumber', 'luminosityBlock');
  }

  /** The event number of the next event (they go up by one from there). */
  setEventNumber(event: number): void {
    this.#state.event = checkNumber(event, 'setEventNumber', 'event');
  }

  async #transition(
    call: string,
    puts: readonly TestPut[],
    step: (processor: EventProcessor) => Promise<void>,
  ): Promise<void> {
    this.#checkUsable(call);
    this.#state.call++;
    try {
      checkPuts(this.#state, puts, false);
      await step(this.#processor);
    } finally {
      clearCallProducts(this.#state);
    }
  }

  #checkUsable(call: string): void {
    if (this.#ended) {
      throw new FrameworkError(
        'LogicError',
        `TestProcessor: ${call}() after testEndJob(); create a new TestProcessor from the config for more tests.`,
      );
    }
  }
}

async function moveToBlock(processor: EventProcessor, run: number, luminosityBlock: number): Promise<void> {
  if (processor.moveToBlock === undefined) {
    throw new FrameworkError('LogicError', 'TestProcessor: this EventProcessor cannot run transitions on its own.');
  }
  await processor.moveToBlock(run, luminosityBlock);
}

async function endOpenBlocks(processor: EventProcessor, through: 'luminosityBlock' | 'run'): Promise<void> {
  if (processor.endOpenBlocks === undefined) {
    throw new FrameworkError('LogicError', 'TestProcessor: this EventProcessor cannot run transitions on its own.');
  }
  await processor.endOpenBlocks(through);
}

function checkNumber(value: number, call: string, what: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new FrameworkError(
      'Configuration',
      `TestProcessor.${call}: the ${what} number must be a positive integer, got ${value}.`,
    );
  }
  return value;
}

/** The module under test as the job describes it: a copy of its parameters with CMSSW's `@module_*` strings. */
function moduleDescription(config: TestProcessorConfig, type: string, edmType: ModuleEdmType): ModuleDescription {
  const label = config.moduleLabel;
  const given = config.module.parameters;
  let parameters: ParameterSet;
  if (given instanceof ParameterSet) parameters = given.clone();
  else {
    parameters = new ParameterSet();
    given?.(parameters);
  }
  for (const name of ['@module_label', '@module_type', '@module_edm_type']) parameters.erase(name);
  parameters.addParameter('@module_label', 'string', label);
  parameters.addParameter('@module_type', 'string', type);
  parameters.addParameter('@module_edm_type', 'string', edmType);
  return { label, type, edmType, parameters };
}
