import { describe, expect, it } from 'vitest';
import { isFrameworkError } from '../../src/errors/framework-error';
import { EmptyESSource } from '../../src/event-setup/empty-es-source';
import { ESGetToken } from '../../src/event-setup/es-get-token';
import { ESProducer } from '../../src/event-setup/es-producer';
import { createEventSetupProvider } from '../../src/event-setup/event-setup-provider-maker';
import {
  defineRecord,
  findRecordType,
  isEventSetupRecordKey,
  recordDependsOn,
} from '../../src/event-setup/event-setup-record-implementation';
import { IOVSyncValue } from '../../src/event-setup/iov-sync-value';
import { ValidityInterval } from '../../src/event-setup/validity-interval';
import { ModuleRegistry } from '../../src/modules/module-registry';
import { namedProductType, productTypes } from '../../src/modules/product-type';
import { ESInputTag } from '../../src/parameter-set/es-input-tag';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { emptySource, esModule, makeRegistry, RecordA, RecordB, RecordC, syncValue } from './event-setup-test-modules';

describe('defineRecord', () => {
  it('makes frozen keys compared by identity and found again by name', () => {
    const record = defineRecord('ESRecordsTestRecord');
    expect(Object.isFrozen(record)).toBe(true);
    expect(findRecordType('ESRecordsTestRecord')).toBe(record);
    expect(defineRecord('ESRecordsTestRecord')).toBe(record);
    expect(isEventSetupRecordKey({ recordName: 'ESRecordsTestRecord', dependsOn: [] })).toBe(false);
    expect(recordDependsOn(RecordC, RecordB)).toBe(true);
    expect(recordDependsOn(RecordA, RecordB)).toBe(false);
  });

  it('refuses a second definition with other dependencies, and parents that are not records', () => {
    expect(() => defineRecord('ESTestRecordC', { dependsOn: [RecordA] })).toThrow(
      'The record type "ESTestRecordC" is already defined with the dependencies [ESTestRecordA, ESTestRecordB]',
    );
    expect(() =>
      defineRecord('ESRecordsTestBadParent', { dependsOn: [{ recordName: 'Fake', dependsOn: [] }] }),
    ).toThrow('depends on an object named "Fake" that defineRecord did not make');
    expect(() => defineRecord('')).toThrow('defineRecord needs a record type name');
  });
});

describe('ValidityInterval and EmptyESSource', () => {
  function intervalsOf(firstValid: readonly number[], runs: readonly number[]): string[] {
    const source = new EmptyESSource(emptySource('s', 'ESTestRecordA', firstValid).parameters);
    source.delaySettingRecords();
    return runs.map((run) => source.findIntervalFor(RecordA, syncValue(run)).toString());
  }

  it('starts an IOV at each value, ending just before the next start or at the end of time', () => {
    const end = IOVSyncValue.endOfTime.toString();
    expect(intervalsOf([3, 1], [0, 1, 2, 3, 9])).toEqual([
      'invalid',
      `[run: 1 lumi: 0 event: 0, run: 2 lumi: 4294967295 event: ${Number.MAX_SAFE_INTEGER}]`,
      `[run: 1 lumi: 0 event: 0, run: 2 lumi: 4294967295 event: ${Number.MAX_SAFE_INTEGER}]`,
      `[run: 3 lumi: 0 event: 0, ${end}]`,
      `[run: 3 lumi: 0 event: 0, ${end}]`,
    ]);
  });

  it('intersects as a dependent record does: the latest start and the earliest end', () => {
    const first = new ValidityInterval(IOVSyncValue.ofRun(1), IOVSyncValue.lastEventBeforeRun(5));
    const second = new ValidityInterval(IOVSyncValue.ofRun(3), IOVSyncValue.endOfTime);
    const both = first.intersect(second);
    expect(both.first).toBe(second.first);
    expect(both.last).toBe(first.last);
    expect(both.validFor(syncValue(2))).toBe(false);
    expect(both.validFor(syncValue(4))).toBe(true);
    expect(first.intersect(ValidityInterval.invalid).isValid()).toBe(false);
    const disjoint = new ValidityInterval(IOVSyncValue.ofRun(7), IOVSyncValue.endOfTime);
    expect(first.intersect(disjoint).isValid()).toBe(false);
  });

  it('refuses an unknown recordName with Configuration, naming the record, the label and a close name', async () => {
    const failure = createEventSetupProvider([emptySource('mySource', 'ESTestRecrdA', [1])], makeRegistry());
    const error = await failure.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isFrameworkError(error) && error.category).toBe('Configuration');
    expect(isFrameworkError(error) && error.exitCode).toBe(8009);
    const message = (error as Error).message;
    expect(message).toMatch(/^The Record type named "ESTestRecrdA" could not be found\. Please check the spelling\.\n/);
    expect(message).toContain('no module in the job declares this Record (with defineRecord)');
    expect(message).toContain("remove the EmptyESSource with label 'mySource'");
    expect(message).toContain('"ESTestRecordA"');
  });
});

describe('createEventSetupProvider', () => {
  it('registers EmptyESSource under its CMSSW name', () => {
    const registry = makeRegistry();
    expect(registry.has('EmptyESSource')).toBe(true);
    expect(registry.originOf('EmptyESSource')).toBe('registered');
  });

  it('refuses a module whose class is not of the kind the configuration declares', async () => {
    await expect(
      createEventSetupProvider([esModule('ESProducer', 'EmptyESSource', 'wrong')], makeRegistry()),
    ).rejects.toThrow(
      'The module type "EmptyESSource" (label \'wrong\') is an ESSource, but the configuration declares it as an ESProducer',
    );
  });

  it('adds the Constructing context when a constructor throws, as consumesFrom of an unrelated record does', async () => {
    class ReadsUnrelatedRecord extends ESProducer {
      constructor(parameters: ParameterSet) {
        super(parameters);
        this.setWhatProduced(RecordA, productTypes.int, () => 1).consumesFrom(RecordB, productTypes.int);
      }
    }
    const registry = new ModuleRegistry().register(ReadsUnrelatedRecord);
    const error = await createEventSetupProvider(
      [esModule('ESProducer', 'ReadsUnrelatedRecord', 'bad')],
      registry,
    ).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect((error as Error).message).toContain(
      'produces into record "ESTestRecordA", which does not depend on record "ESTestRecordB"',
    );
    expect(isFrameworkError(error) && error.contexts).toEqual([
      "Constructing ESProducer: class=ReadsUnrelatedRecord label='bad'",
    ]);
  });

  it('wires every product a producer registers, each under its own label', async () => {
    class TwoProducts extends ESProducer {
      constructor(parameters: ParameterSet) {
        super(parameters);
        this.setWhatProduced(RecordA, productTypes.int, () => 1, { label: 'one' });
        const consumes = this.setWhatProduced(RecordA, productTypes.int, (record): number => record.get(one) + 1, {
          label: 'two',
        });
        const one: ESGetToken<number> = consumes.consumes(productTypes.int, 'two:one');
      }
    }
    const setup = await createEventSetupProvider(
      [emptySource('source', 'ESTestRecordA', [1]), esModule('ESProducer', 'TwoProducts', 'two')],
      makeRegistry().register(TwoProducts),
    );
    const eventSetup = setup.eventSetupFor(syncValue(1));
    const two = new ESGetToken(RecordA, productTypes.int, new ESInputTag('', 'two'), 0);
    expect(eventSetup.prefetch([two])).toBeUndefined();
    expect(eventSetup.get(two)).toBe(2);
  });

  it('refuses products that depend on each other instead of waiting forever', async () => {
    const first = namedProductType<number>('CircularFirst');
    const second = namedProductType<number>('CircularSecond');
    class MakesFirst extends ESProducer {
      constructor(parameters: ParameterSet) {
        super(parameters);
        const token: ESGetToken<number> = this.setWhatProduced(
          RecordA,
          first,
          (record): number => record.get(token) + 1,
        ).consumes(second);
      }
    }
    class MakesSecond extends ESProducer {
      constructor(parameters: ParameterSet) {
        super(parameters);
        const token: ESGetToken<number> = this.setWhatProduced(
          RecordA,
          second,
          (record): number => record.get(token) + 1,
        ).consumes(first);
      }
    }
    const registry = makeRegistry().register(MakesFirst).register(MakesSecond);
    const setup = await createEventSetupProvider(
      [
        emptySource('source', 'ESTestRecordA', [1]),
        esModule('ESProducer', 'MakesFirst', 'f'),
        esModule('ESProducer', 'MakesSecond', 's'),
      ],
      registry,
    );
    const token = new ESGetToken(RecordA, first, new ESInputTag(), 0);
    const error = await setup
      .eventSetupFor(syncValue(1))
      .prefetch([token])
      ?.then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(isFrameworkError(error) && error.category).toBe('LogicError');
    expect((error as Error).message).toContain('depends on itself');
    expect(isFrameworkError(error) && error.contexts).toEqual([
      "Prefetching for EventSetup module MakesFirst/'f'",
      "Prefetching for EventSetup module MakesSecond/'s'",
    ]);
  });

  it('names the closest known types for an unknown ES module type', async () => {
    await expect(createEventSetupProvider([esModule('ESSource', 'EmptyESSourc', 'x')], makeRegistry())).rejects.toThrow(
      "'EmptyESSource'",
    );
  });
});
