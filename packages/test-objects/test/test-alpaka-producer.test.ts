import { cms, type ParameterOverrides } from '@alpaka-ts/core';
import { type device, global } from '@alpaka-ts/core/alpaka';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type TestHostCollection,
  type TestHostMultiCollection2,
  type TestHostMultiCollection3,
  testCollectionFor,
} from '../src/data-formats/test-collections';
import type { TestHostObject } from '../src/data-formats/test-objects';
import { TestAlpakaProducer } from '../src/modules/test-alpaka-producer';
import { TestAlgo } from '../src/test-algo/test-algo';
import { expectFilled, layout0, layout1, layout2 } from './expect-filled';
import { inspections, jobFailure, moduleBackends, newProcess, recorder, runProcess } from './jobs';

beforeEach(() => inspections.clear());

const producerJob = (backend: string, sizes: ParameterOverrides) => {
  const process = newProcess(2);
  process.producer = cms.EDProducer(`alpaka_${backend}::TestAlpakaProducer`, sizes);
  process.collection = recorder('producer', 'collection');
  process.multi2 = recorder('producer', 'multi2');
  process.multi3 = recorder('producer', 'multi3');
  process.object = recorder('producer', 'object');
  process.p = cms.Path(process.producer, process.collection, process.multi2, process.multi3, process.object);
  return process;
};

describe.each(moduleBackends())('TestAlpakaProducer on %s', (backend) => {
  it('puts the filled collection, Multi2 and Multi3 of (size, size2, size3) and the object {5, 12, 13, 42}', async () => {
    const seen: string[] = [];
    inspections.set('collection', (product: TestHostCollection, event) => {
      expect(product.size).toBe(70);
      expectFilled(product.view(), layout0, 1, () => 0);
      seen.push(`collection:${event}`);
    });
    inspections.set('multi2', (product: TestHostMultiCollection2) => {
      expect(product.sizes).toEqual([70, 3]);
      expectFilled(product.view(0), layout0, 1, () => 0);
      expectFilled(product.view(1), layout1, 2, () => 0);
      seen.push('multi2');
    });
    inspections.set('multi3', (product: TestHostMultiCollection3) => {
      expect(product.sizes).toEqual([70, 3, 130]);
      expectFilled(product.view(2), layout2, 3, () => 0);
      seen.push('multi3');
    });
    inspections.set('object', (product: TestHostObject) => {
      expect({ ...product.value }).toEqual({ x: 5, y: 12, z: 13, id: 42 });
      seen.push('object');
    });
    const sizes = { size: cms.int32(70), size2: cms.int32(3), size3: cms.int32(130) };
    await runProcess(producerJob(backend, sizes), [TestAlpakaProducer]);
    expect(seen).toEqual(['collection:1', 'multi2', 'multi3', 'object', 'collection:2', 'multi2', 'multi3', 'object']);
  });

  it('refuses a configuration without size3, as its description requires it', async () => {
    const failure = await jobFailure(
      runProcess(producerJob(backend, { size: cms.int32(1), size2: cms.int32(2) }), [TestAlpakaProducer]),
    );
    expect(failure.category).toBe('Configuration');
    expect(failure.message).toMatch(/size3/);
  });
});

/** Fills a collection, then asks checkZero whether it is zero: the job must fail, as a failed device assert does. */
class CheckZeroAfterFill extends global.EDProducer {
  readonly #algo = new TestAlgo(this.runtime.accelerator());
  async produce(_streamID: number, event: device.Event): Promise<void> {
    const queue = event.queue();
    const collection = testCollectionFor(queue, 3);
    collection.zeroInitialise(queue);
    await this.#algo.fill(queue, collection, 2);
    await this.#algo.checkZero(queue, collection);
  }
}

describe.each(moduleBackends())('a failed checkZero in a module on %s', (backend) => {
  it("ends the job with StdException, naming checkZero and the field, in the module's context", async () => {
    const process = newProcess(1);
    process.checker = cms.EDProducer(`alpaka_${backend}::CheckZeroAfterFill`, {});
    process.p = cms.Path(process.checker);
    const failure = await jobFailure(runProcess(process, [CheckZeroAfterFill]));
    expect(failure.category).toBe('StdException');
    expect(failure.message).toMatch(
      /TestAlgo::checkZero\(Test(Host|Device)Collection\): \d+ assertion\(s\) that every field is 0 failed/,
    );
    expect(failure.contexts.join('\n')).toMatch(/CheckZeroAfterFill\/'checker'/);
  });
});
