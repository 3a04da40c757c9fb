import { expect } from 'vitest';
import { FrameworkError } from '../../src/errors/framework-error';
// Modules the TestProcessor tests run: each small, each exercising one thing the framework does for a module.
import type { ConstEvent, Event } from '../../src/event/event';
import type { LuminosityBlock } from '../../src/event/luminosity-block';
import type { Run } from '../../src/event/run';
import type { EventSetup } from '../../src/event-setup/event-setup-provider';
import { defineRecord } from '../../src/event-setup/event-setup-record-implementation';
import * as global from '../../src/modules/global-modules';
import type { MaybePromise } from '../../src/modules/module-abilities';
import { namedProductType, productTypes } from '../../src/modules/product-type';
import * as stream from '../../src/modules/stream-modules';
import type { WaitingTaskWithArenaHolder } from '../../src/modules/waiting-task-with-arena-holder';
import type { ConfigurationDescriptions } from '../../src/parameter-set/configuration-descriptions';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { ParameterSetDescription } from '../../src/parameter-set/parameter-set-description';

export const CalibrationRecord = defineRecord('TestProcessorCalibrationRecord');
export const GeometryRecord = defineRecord('TestProcessorGeometryRecord');
export const ConditionsRecord = defineRecord('TestProcessorConditionsRecord', { dependsOn: [GeometryRecord] });

export const intVector = namedProductType<readonly number[]>('std::vector<int>');

export class Calibration {
  readonly scale: number;
  constructor(scale: number) {
    this.scale = scale;
  }
}

/** What the modules with transitions saw, in order (reset per test). */
export const transitions: string[] = [];

/** Reads ints from `source`, puts their sum times `factor` (required, no default) and, on instance 'count', their number. */
export class SumProducer extends global.EDProducer {
  readonly #get = this.consumes(intVector, this.parameters.getParameter<string>('source'));
  readonly #sum = this.produces(productTypes.int);
  readonly #count = this.produces(productTypes.int, 'count');
  readonly #factor = this.parameters.getParameter<number>('factor');

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('source', 'string', 'ints');
    description.add('factor', 'int32');
    descriptions.addDefault(description);
  }

  produce(_streamID: number, event: Event): void {
    const values = event.get(this.#get);
    event.put(this.#sum, values.reduce((sum, value) => sum + value, 0) * this.#factor);
    event.put(this.#count, values.length);
  }
}

/** Passes events whose int (from `source`) is above `threshold`. */
export class ThresholdFilter extends stream.EDFilter {
  readonly #get = this.consumes(productTypes.int, this.parameters.getParameter<string>('source'));
  readonly #threshold = this.parameters.getParameter<number>('threshold');
  filter(event: Event): boolean {
    return event.get(this.#get) > this.#threshold;
  }
}

/** Throws on a negative int. */
export class NonNegativeAnalyzer extends stream.EDAnalyzer {
  readonly #get = this.consumes(productTypes.int, 'input');
  analyze(event: ConstEvent): void {
    const value = event.get(this.#get);
    if (value < 0) throw new Error(`negative value ${value}`);
  }
}

/** ExternalWork: acquire starts a timer standing in for device work; produce puts the doubled input. */
export class AsyncDoubler extends stream.EDProducerExternalWork {
  readonly #get = this.consumes(productTypes.int, 'input');
  readonly #put = this.produces(productTypes.int);
  #acquired = 0;
  acquire(event: ConstEvent, _eventSetup: EventSetup, holder: WaitingTaskWithArenaHolder): void {
    const input = event.get(this.#get);
    const copy = holder.copy();
    setTimeout(() => {
      this.#acquired = input * 2;
      copy.doneWaiting();
    }, 1);
  }
  produce(event: Event): void {
    event.put(this.#put, this.#acquired);
  }
}

/** Scales its input by the Calibration of the EventSetup; also reads the Calibration at each run and block begin. */
export class CalibratedProducer extends stream.EDProducer {
  readonly #get = this.consumes(productTypes.int, 'input');
  readonly #put = this.produces(productTypes.int);
  readonly #calibration = this.esConsumes(CalibrationRecord, Calibration);
  produce(event: Event, eventSetup: EventSetup): void {
    event.put(this.#put, event.get(this.#get) * eventSetup.get(this.#calibration).scale);
  }
  override beginRun(run: Run, eventSetup: EventSetup): MaybePromise<void> {
    transitions.push(`beginRun ${run.run()}`);
    // A run transition reads the EventSetup too: prefetch, then get.
    const read = (): void => {
      transitions.push(`scale ${eventSetup.get(this.#calibration).scale}`);
    };
    const prefetching = eventSetup.prefetch([this.#calibration]);
    if (prefetching === undefined) read();
    else return prefetching.then(read);
  }
  override beginLuminosityBlock(block: LuminosityBlock): void {
    transitions.push(`beginLuminosityBlock ${block.luminosityBlock()}`);
  }
  override endLuminosityBlock(block: LuminosityBlock): void {
    transitions.push(`endLuminosityBlock ${block.luminosityBlock()}`);
  }
  override endRun(run: Run): void {
    transitions.push(`endRun ${run.run()}`);
  }
  override endJob(): void {
    transitions.push('endJob');
  }
}

/** Reads a labelled product of a record that depends on another one. */
export class ConditionsReader extends stream.EDProducer {
  readonly #conditions = this.esConsumes(ConditionsRecord, productTypes.string, ':tag');
  readonly #put = this.produces(productTypes.string);
  produce(event: Event, eventSetup: EventSetup): void {
    event.put(this.#put, eventSetup.get(this.#conditions));
  }
}

/** Puts the running count of the events it saw: stream-module state kept from one test() to the next. */
export class EventCounter extends stream.EDProducer {
  readonly #put = this.produces(productTypes.int);
  #seen = 0;
  produce(event: Event): void {
    this.#seen++;
    event.put(this.#put, this.#seen);
  }
}

/** Puts nothing when `skip` (untracked bool) is true. */
export class MaybeProducer extends global.EDProducer {
  readonly #put = this.produces(productTypes.int);
  readonly #skip: boolean;
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#skip = parameters.getUntrackedParameter<boolean>('skip', false);
  }
  produce(_streamID: number, event: Event): void {
    if (!this.#skip) event.put(this.#put, 1);
  }
}

/** Puts its input and registers a transform of it to a string (made when something reads it: the output here). */
export class Describer extends stream.EDProducer {
  readonly #get = this.consumes(productTypes.int, 'input');
  readonly #put = this.produces(productTypes.int);
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.registerTransform(this.#put, productTypes.string, (value) => `value ${value}`, 'text');
  }
  produce(event: Event): void {
    event.put(this.#put, event.get(this.#get));
  }
}

/** Throws in beginRun for the run named by `failingRun`, and in endJob when `failEndJob`. */
export class TransitionFailer extends global.EDAnalyzer {
  readonly #failingRun = this.parameters.getParameter<number>('failingRun');
  readonly #failEndJob = this.parameters.exists('failEndJob');
  analyze(): void {
    transitions.push('analyze');
  }
  override beginRun(run: Run): void {
    if (run.run() === this.#failingRun) throw new Error(`cannot begin run ${run.run()}`);
  }
  override endJob(): void {
    if (this.#failEndJob) throw new Error('cannot end the job');
  }
}

/** Reads the Calibration at the beginning and the end of each run. */
export class RunCalibrationReader extends global.EDAnalyzer {
  readonly #calibration = this.esConsumes(CalibrationRecord, Calibration);
  analyze(): void {}
  override beginRun(run: Run, eventSetup: EventSetup): MaybePromise<void> {
    return this.#read(`beginRun ${run.run()}`, eventSetup);
  }
  override endRun(run: Run, eventSetup: EventSetup): MaybePromise<void> {
    return this.#read(`endRun ${run.run()}`, eventSetup);
  }
  #read(what: string, eventSetup: EventSetup): MaybePromise<void> {
    const read = (): void => {
      transitions.push(`${what} scale ${eventSetup.get(this.#calibration).scale}`);
    };
    const prefetching = eventSetup.prefetch([this.#calibration]);
    if (prefetching === undefined) read();
    else return prefetching.then(read);
  }
}

/** The FrameworkError a promise rejects with (the test fails if it resolves or rejects with something else). */
export async function rejection(promise: Promise<unknown>): Promise<FrameworkError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FrameworkError);
  return error as FrameworkError;
}
