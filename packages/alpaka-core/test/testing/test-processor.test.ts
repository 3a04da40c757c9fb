import { beforeEach, describe, expect, it } from 'vitest';
import { FrameworkError } from '../../src/errors/framework-error';
import { ModuleRegistry } from '../../src/modules/module-registry';
import { productTypes } from '../../src/modules/product-type';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { registerBuiltInModules } from '../../src/sources/built-in-modules';
import { TestProcessor, TestProcessorConfig } from '../../src/testing/index';
import {
  AsyncDoubler,
  Describer,
  EventCounter,
  intVector,
  MaybeProducer,
  NonNegativeAnalyzer,
  rejection,
  SumProducer,
  ThresholdFilter,
  TransitionFailer,
  transitions,
} from './test-modules';

beforeEach(() => {
  transitions.length = 0;
});

describe('TestProcessor: Event products', () => {
  it('feeds a producer a product by InputTag and reads back what it put, instances included', async () => {
    const config = new TestProcessorConfig({
      module: { type: SumProducer, parameters: (p) => p.addParameter('factor', 'int32', 10) },
    });
    const ints = config.produces(intVector, 'ints');
    const tester = await TestProcessor.create(config);
    const event = await tester.test(ints.with([1, 2, 3]));
    expect(event.get(productTypes.int)).toBe(60);
    expect(event.get(productTypes.int, 'count')).toBe(3);
    expect(event.id).toEqual({ run: 1, luminosityBlock: 1, event: 1 });
    expect(event.modulePassed()).toBe(true);
    await tester.testEndJob();
  });

  it('uses a type name from the given registry and a ParameterSet, which it leaves unchanged', async () => {
    const registry = registerBuiltInModules(new ModuleRegistry()).register(SumProducer);
    const parameters = new ParameterSet().addParameter('factor', 'int32', 2).addParameter('source', 'string', 'in');
    const config = new TestProcessorConfig({ module: { type: 'SumProducer', label: 'sum', parameters }, registry });
    const input = config.produces(intVector, 'in');
    const tester = await TestProcessor.create(config);
    const event = await tester.test([input, [4, 5]]);
    expect(event.moduleLabel).toBe('sum');
    expect(event.get(productTypes.int)).toBe(18);
    expect(parameters.names()).toEqual(['factor', 'source']);
    expect(registry.has('TestProcessorSource')).toBe(false);
  });

  it('throws ProductNotFound from the result when the module did not put the product', async () => {
    const config = new TestProcessorConfig({
      module: { type: MaybeProducer, parameters: (p) => p.addUntrackedParameter('skip', 'bool', true) },
    });
    const tester = await TestProcessor.create(config);
    const event = await tester.test();
    expect(event.has(productTypes.int)).toBe(false);
    expect(event.getHandle(productTypes.int).isValid()).toBe(false);
    let error: unknown;
    try {
      event.get(productTypes.int);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(FrameworkError);
    expect((error as FrameworkError).category).toBe('ProductNotFound');
    expect((error as FrameworkError).message).toBe(
      'Principal::getByToken: Found zero products matching all criteria\nLooking for type: int\nLooking for module label: toTest\nLooking for productInstanceName: \nLooking for process: TEST\n',
    );
  });

  it("fails the module's get with ProductNotFound when the test does not give a product it reads", async () => {
    const config = new TestProcessorConfig({
      module: { type: SumProducer, parameters: (p) => p.addParameter('factor', 'int32', 1) },
    });
    config.produces(intVector, 'ints');
    const tester = await TestProcessor.create(config);
    const error = await rejection(tester.test());
    expect(error.category).toBe('ProductNotFound');
    expect(error.message).toContain('Looking for module label: ints\n');
  });
});

describe('TestProcessor: filters, analyzers, ExternalWork', () => {
  it("reports a filter's decision with modulePassed", async () => {
    const config = new TestProcessorConfig({
      module: {
        type: ThresholdFilter,
        parameters: (p) => p.addParameter('source', 'string', 'value').addParameter('threshold', 'int32', 5),
      },
    });
    const value = config.produces(productTypes.int, 'value');
    const tester = await TestProcessor.create(config);
    expect((await tester.test(value.with(7))).modulePassed()).toBe(true);
    expect((await tester.test(value.with(3))).modulePassed()).toBe(false);
    expect((await tester.test(value.with(6))).modulePassed()).toBe(true);
  });

  it('rejects test() with the exception an analyzer threw, with CMSSW context, and stays failed', async () => {
    const config = new TestProcessorConfig({ module: { type: NonNegativeAnalyzer, label: 'checker' } });
    const input = config.produces(productTypes.int, 'input');
    const tester = await TestProcessor.create(config);
    expect((await tester.test(input.with(1))).modulePassed()).toBe(true);
    const error = await rejection(tester.test(input.with(-4)));
    expect(error.category).toBe('StdException');
    expect(error.message).toContain('negative value -4');
    expect(error.contexts).toEqual([
      'Processing  Event run: 1 lumi: 1 event: 2 stream: 0',
      "Running path '_test_path'",
      "Calling method for module NonNegativeAnalyzer/'checker'",
    ]);
    expect(await rejection(tester.test(input.with(1)))).toBe(error);
    await tester.testEndJob();
  });

  it('runs an ExternalWork producer: acquire, the asynchronous wait, then produce', async () => {
    const config = new TestProcessorConfig({ module: { type: AsyncDoubler } });
    const input = config.produces(productTypes.int, 'input');
    const tester = await TestProcessor.create(config);
    expect((await tester.test(input.with(21))).get(productTypes.int)).toBe(42);
    expect((await tester.test(input.with(5))).get(productTypes.int)).toBe(10);
  });

  it('gives consecutive events to successive test() calls and keeps the stream module state', async () => {
    const tester = await TestProcessor.create(new TestProcessorConfig({ module: { type: EventCounter } }));
    const first = await tester.test();
    const second = await tester.test();
    expect([first.id.event, second.id.event]).toEqual([1, 2]);
    expect([first.get(productTypes.int), second.get(productTypes.int)]).toEqual([1, 2]);
    tester.setEventNumber(10);
    tester.setRunNumber(3);
    const third = await tester.test();
    expect(third.id).toEqual({ run: 3, luminosityBlock: 1, event: 10 });
    expect(third.get(productTypes.int)).toBe(3);
  });
});

describe('TestProcessor: transforms and failing transitions', () => {
  it("returns a transform's product, made because the output reads it as a file would", async () => {
    const config = new TestProcessorConfig({ module: { type: Describer } });
    const input = config.produces(productTypes.int, 'input');
    const tester = await TestProcessor.create(config);
    const event = await tester.test(input.with(4));
    expect(event.get(productTypes.int)).toBe(4);
    expect(event.get(productTypes.string, 'text')).toBe('value 4');
  });

  it('rejects testBeginRun with the error of the module, in the run context, and later calls with it', async () => {
    const config = new TestProcessorConfig({
      module: { type: TransitionFailer, label: 'failer', parameters: (p) => p.addParameter('failingRun', 'int32', 2) },
    });
    const tester = await TestProcessor.create(config);
    await tester.test();
    const error = await rejection(tester.testBeginRun(2));
    expect(error.message).toContain('cannot begin run 2');
    expect(error.contexts).toEqual([
      'Processing  begin Run run: 2',
      "Calling method for module TransitionFailer/'failer'",
    ]);
    expect(await rejection(tester.test())).toBe(error);
    expect(transitions).toEqual(['analyze']);
    await tester.testEndJob();
  });

  it('rejects testEndJob with the error of endJob', async () => {
    const config = new TestProcessorConfig({
      module: {
        type: TransitionFailer,
        parameters: (p) => p.addParameter('failingRun', 'int32', 0).addParameter('failEndJob', 'bool', true),
      },
    });
    const tester = await TestProcessor.create(config);
    await tester.test();
    const error = await rejection(tester.testEndJob());
    expect(error.message).toContain('cannot end the job');
    expect(error.contexts).toContain('Processing  endJob');
  });

  it('builds each TestProcessor of one config with its own module instance', async () => {
    const config = new TestProcessorConfig({ module: { type: EventCounter } });
    const first = await TestProcessor.create(config);
    await first.test();
    await first.test();
    const second = await TestProcessor.create(config);
    expect((await second.test()).get(productTypes.int)).toBe(1);
    expect((await first.test()).get(productTypes.int)).toBe(3);
  });
});

describe('TestProcessor: configuration errors at create()', () => {
  it('surfaces the validation error of a missing required parameter (fillDescriptions)', async () => {
    const config = new TestProcessorConfig({ module: { type: SumProducer, label: 'sum' } });
    const error = await rejection(TestProcessor.create(config));
    expect(error.category).toBe('Configuration');
    expect(error.message).toContain('Missing required parameter.  It should have label "factor"');
  });

  it("refuses an edmType that is not the class's, with CMSSW's message, and a module that is not on a Path", async () => {
    const mismatch = await rejection(
      TestProcessor.create(new TestProcessorConfig({ module: { type: EventCounter, edmType: 'EDFilter' } })),
    );
    expect(mismatch.message).toBe(
      "The base type in the python configuration is EDFilter, but the base type for the module's C++ class is EDProducer. Please fix the configuration.",
    );
    expect(mismatch.contexts).toEqual(["Validating configuration of module: class=EventCounter label='toTest'"]);
    const source = await rejection(TestProcessor.create(new TestProcessorConfig({ module: { type: 'EmptySource' } })));
    expect(source.message).toBe(
      'TestProcessor tests an EDProducer, EDFilter or EDAnalyzer; the module type "EmptySource" is of kind Source.',
    );
  });

  it('names the closest types for an unknown type name, from the given registry', async () => {
    const registry = registerBuiltInModules(new ModuleRegistry()).register(SumProducer);
    const error = await rejection(
      TestProcessor.create(new TestProcessorConfig({ module: { type: 'SumProduce' }, registry })),
    );
    expect(error.message).toContain("Unable to find plugin 'SumProduce'");
    expect(error.message).toContain("'SumProducer'");
  });

  it('refuses a product token of another config and a product fed twice', async () => {
    const config = new TestProcessorConfig({ module: { type: NonNegativeAnalyzer } });
    const input = config.produces(productTypes.int, 'input');
    const other = new TestProcessorConfig({ module: { type: NonNegativeAnalyzer } }).produces(productTypes.int, 'x');
    const tester = await TestProcessor.create(config);
    expect((await rejection(tester.test(other.with(1)))).message).toContain('another TestProcessorConfig');
    expect((await rejection(tester.test(input.with(1), input.with(2)))).message).toContain('given twice');
    expect((await tester.test(input.with(2))).id.event).toBe(1);
    await tester.testEndJob();
    expect(() => tester.setEventNumber(0)).toThrow('positive integer');
    await expect(tester.test()).rejects.toThrow('after testEndJob()');
  });
});
