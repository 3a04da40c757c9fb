// Records, products and ES modules shared by the EventSetup tests: producers log each call, with the IOV it
// was for, so a test asserts exactly when and how often the framework ran them.
import type { ModuleDescription, ModuleEdmType } from '../../src/configuration/process-description';
import { makeEventID } from '../../src/event/event-id';
import type { ESGetToken } from '../../src/event-setup/es-get-token';
import { ESProducer } from '../../src/event-setup/es-producer';
import type { EventSetupSyncValue } from '../../src/event-setup/event-setup-provider';
import type { EventSetupRecord } from '../../src/event-setup/event-setup-record';
import { defineRecord } from '../../src/event-setup/event-setup-record-implementation';
import { registerBuiltInEventSetupModules } from '../../src/event-setup/register-built-in-event-setup-modules';
import { ModuleRegistry } from '../../src/modules/module-registry';
import type { ParameterSet as ParameterSetType } from '../../src/parameter-set/parameter-set';
import { ParameterSet } from '../../src/parameter-set/parameter-set';

export const RecordA = defineRecord('ESTestRecordA');
export const RecordB = defineRecord('ESTestRecordB');
export const RecordC = defineRecord('ESTestRecordC', { dependsOn: [RecordA, RecordB] });
export const RecordWithoutSource = defineRecord('ESTestRecordWithoutSource');

/** An EventSetup product with its value and the run that started the IOV it was made for. */
export class TestESProduct {
  readonly value: number;
  readonly firstRun: number | undefined;
  constructor(value: number, firstRun: number | undefined) {
    this.value = value;
    this.firstRun = firstRun;
  }
}

/** Every producer call, in order: `label@run` (the first run of the record's IOV). */
export const calls: string[] = [];

export function firstRunOf(record: EventSetupRecord): number | undefined {
  return record.validityInterval.first.eventID?.run;
}

function logCall(parameters: ParameterSetType, record: EventSetupRecord): number {
  calls.push(`${parameters.getParameter<string>('@module_label')}@${firstRunOf(record)}`);
  return parameters.getParameter<number>('value');
}

/** Produces a TestESProduct into the record named by `record` ('A', 'B' or 'C'), with an optional `label`. */
export class TestESProducer extends ESProducer {
  constructor(parameters: ParameterSetType) {
    super(parameters);
    const record = { A: RecordA, B: RecordB, C: RecordC }[parameters.getParameter<string>('record')] ?? RecordA;
    const label = parameters.exists('label') ? parameters.getParameter<string>('label') : '';
    this.setWhatProduced(
      record,
      TestESProduct,
      (esRecord) => new TestESProduct(logCall(this.parameters, esRecord), firstRunOf(esRecord)),
      { label },
    );
  }
}

/** Produces into RecordC the sum of the products of RecordA and RecordB (consumesFrom the parents). */
export class TestDependentESProducer extends ESProducer {
  constructor(parameters: ParameterSetType) {
    super(parameters);
    const consumes = this.setWhatProduced(RecordC, TestESProduct, (record): TestESProduct => {
      logCall(this.parameters, record);
      return new TestESProduct(record.get(fromA).value + record.get(fromB).value, firstRunOf(record));
    });
    const fromA: ESGetToken<TestESProduct> = consumes.consumesFrom(RecordA, TestESProduct);
    const fromB: ESGetToken<TestESProduct> = consumes.consumesFrom(RecordB, TestESProduct);
  }
}

/** A deferred promise the test resolves by hand, standing in for a device queue's host callback. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/** The work the asynchronous producers of a test wait for, in the order they asked. */
export const pendingWork: Deferred<number>[] = [];

/** Produces asynchronously: produce returns a promise that the test resolves through pendingWork. */
export class TestAsyncESProducer extends ESProducer {
  constructor(parameters: ParameterSetType) {
    super(parameters);
    this.setWhatProduced(RecordA, TestESProduct, async (record) => {
      logCall(this.parameters, record);
      const work = deferred<number>();
      pendingWork.push(work);
      return new TestESProduct(await work.promise, firstRunOf(record));
    });
  }
}

/** ESProducerExternalWork's form: acquire starts "device work" (pendingWork); produce runs once it is done. */
export class TestAcquiringESProducer extends ESProducer {
  constructor(parameters: ParameterSetType) {
    super(parameters);
    this.setWhatAcquiredProduced(
      RecordA,
      TestESProduct,
      (record) => {
        calls.push(`acquire@${firstRunOf(record)}`);
        const work = deferred<number>();
        pendingWork.push(work);
        return work.promise;
      },
      (record, acquired) => {
        calls.push(`produce@${firstRunOf(record)}`);
        return new TestESProduct(acquired * 2, firstRunOf(record));
      },
    );
  }
}

/** Throws from produce (a plain Error, as a bug in a producer would). */
export class TestThrowingESProducer extends ESProducer {
  constructor(parameters: ParameterSetType) {
    super(parameters);
    this.setWhatProduced(RecordA, TestESProduct, (record) => {
      logCall(this.parameters, record);
      throw new Error('calibration file is corrupt');
    });
  }
}

export function makeRegistry(): ModuleRegistry {
  const registry = registerBuiltInEventSetupModules(new ModuleRegistry());
  for (const moduleClass of [
    TestESProducer,
    TestDependentESProducer,
    TestAsyncESProducer,
    TestAcquiringESProducer,
    TestThrowingESProducer,
  ]) {
    registry.register(moduleClass);
  }
  return registry;
}

type ParameterValues = Record<string, string | number | boolean | readonly number[]>;

/** A module of the configuration as the builders describe it, `@module_*` included. */
export function esModule(
  edmType: ModuleEdmType,
  type: string,
  label: string,
  values: ParameterValues = {},
): ModuleDescription {
  const parameters = new ParameterSet()
    .addParameter('@module_label', 'string', label)
    .addParameter('@module_type', 'string', type)
    .addParameter('@module_edm_type', 'string', edmType);
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') parameters.addParameter(name, 'string', value);
    else if (typeof value === 'boolean') parameters.addParameter(name, 'bool', value);
    else if (typeof value === 'number') parameters.addParameter(name, 'int32', value);
    else parameters.addParameter(name, 'vuint32', value);
  }
  return { label, type, edmType, parameters };
}

export function emptySource(label: string, recordName: string, firstValid: readonly number[], runs = true) {
  return esModule('ESSource', 'EmptyESSource', label, { recordName, firstValid, iovIsRunNotTime: runs });
}

export function producer(type: string, label: string, values: ParameterValues = {}) {
  return esModule('ESProducer', type, label, { value: 1, record: 'A', ...values });
}

export function syncValue(run: number, event = 1, time = 0n): EventSetupSyncValue {
  return { eventID: makeEventID(run, 1, event), time };
}
