import { beforeEach, describe, expect, it } from 'vitest';
import { productTypes } from '../../src/modules/product-type';
import { TestProcessor, TestProcessorConfig } from '../../src/testing/index';
import {
  CalibratedProducer,
  Calibration,
  CalibrationRecord,
  ConditionsReader,
  ConditionsRecord,
  RunCalibrationReader,
  rejection,
  transitions,
} from './test-modules';

beforeEach(() => {
  transitions.length = 0;
});

describe('TestProcessor: EventSetup data', () => {
  it('feeds EventSetup data through the real EventSetup, anew on each call, to events and transitions', async () => {
    const config = new TestProcessorConfig({ module: { type: CalibratedProducer } });
    const input = config.produces(productTypes.int, 'input');
    const calibration = config.esProduces(CalibrationRecord, Calibration);
    const tester = await TestProcessor.create(config);
    await tester.testBeginRun(1, calibration.with(new Calibration(7)));
    expect((await tester.test(input.with(2), calibration.with(new Calibration(3)))).get(productTypes.int)).toBe(6);
    expect((await tester.test(input.with(2), calibration.with(new Calibration(5)))).get(productTypes.int)).toBe(10);
    const missing = await rejection(tester.test(input.with(2)));
    expect(missing.message).toContain(
      'no EventSetup data of type "Calibration" in record "TestProcessorCalibrationRecord"',
    );
    expect(transitions).toEqual(['beginRun 1', 'scale 7', 'beginLuminosityBlock 1']);
  });

  it('runs the run and luminosity-block transitions the test asks for', async () => {
    const config = new TestProcessorConfig({ module: { type: CalibratedProducer } });
    const input = config.produces(productTypes.int, 'input');
    const calibration = config.esProduces(CalibrationRecord, Calibration);
    const tester = await TestProcessor.create(config);
    const data = () => calibration.with(new Calibration(1));
    await tester.test(input.with(1), data());
    await tester.testBeginLuminosityBlock(2);
    await tester.test(input.with(1), data());
    await tester.testEndLuminosityBlock();
    await tester.testBeginRun(2, data());
    await tester.testEndRun();
    await tester.testEndJob();
    expect(transitions).toEqual([
      'beginRun 1',
      'scale 1',
      'beginLuminosityBlock 1',
      'endLuminosityBlock 1',
      'beginLuminosityBlock 2',
      'endLuminosityBlock 2',
      'endRun 1',
      'beginRun 2',
      'scale 1',
      'endRun 2',
      'endJob',
    ]);
  });

  it('gives each call its own IOV, even two calls at the same run transition', async () => {
    const config = new TestProcessorConfig({ module: { type: RunCalibrationReader } });
    const calibration = config.esProduces(CalibrationRecord, Calibration);
    const tester = await TestProcessor.create(config);
    await tester.testBeginRun(1, calibration.with(new Calibration(2)));
    await tester.testEndRun(calibration.with(new Calibration(3)));
    await tester.testBeginRun(1, calibration.with(new Calibration(4)));
    expect(transitions).toEqual(['beginRun 1 scale 2', 'endRun 1 scale 3', 'beginRun 1 scale 4']);
  });

  it('serves a labelled product of a record that depends on another', async () => {
    const config = new TestProcessorConfig({ module: { type: ConditionsReader } });
    const conditions = config.esProduces(ConditionsRecord, productTypes.string, 'tag');
    const tester = await TestProcessor.create(config);
    expect((await tester.test(conditions.with('v2'))).get(productTypes.string)).toBe('v2');
  });

  it("fails with the EventSetup's NoProductResolver when the module reads data the test did not declare", async () => {
    const config = new TestProcessorConfig({ module: { type: ConditionsReader } });
    config.esProduces(ConditionsRecord, productTypes.string, 'other');
    const tester = await TestProcessor.create(config);
    const error = await rejection(tester.test());
    expect(error.message).toContain('Cannot find EventSetup module to produce data of type "std::string"');
    expect(error.contexts).toContain("Calling method for module ConditionsReader/'toTest'");
  });
});

describe('TestProcessor: transitions without events', () => {
  const make = async () => {
    const config = new TestProcessorConfig({ module: { type: CalibratedProducer } });
    const calibration = config.esProduces(CalibrationRecord, Calibration);
    return { tester: await TestProcessor.create(config), calibration };
  };

  it('runs a run with no luminosity block, then ends the job', async () => {
    const { tester, calibration } = await make();
    tester.setRunNumber(4);
    await tester.testRunWithNoLuminosityBlocks(calibration.with(new Calibration(2)));
    expect(transitions).toEqual(['beginRun 4', 'scale 2', 'endRun 4', 'endJob']);
    await expect(tester.test()).rejects.toThrow('after testEndJob()');
  });

  it('runs a luminosity block with no event, then ends the job', async () => {
    const { tester, calibration } = await make();
    tester.setLuminosityBlockNumber(3);
    await tester.testLuminosityBlockWithNoEvents(calibration.with(new Calibration(9)));
    expect(transitions).toEqual([
      'beginRun 1',
      'scale 9',
      'beginLuminosityBlock 3',
      'endLuminosityBlock 3',
      'endRun 1',
      'endJob',
    ]);
  });

  it('refuses an Event product in a transition call', async () => {
    const config = new TestProcessorConfig({ module: { type: CalibratedProducer } });
    const input = config.produces(productTypes.int, 'input');
    const tester = await TestProcessor.create(config);
    expect((await rejection(tester.testBeginRun(1, input.with(1)))).message).toContain('can only be given to test()');
    expect(transitions).toEqual([]);
  });
});
