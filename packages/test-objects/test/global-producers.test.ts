import { cms } from '@alpaka-ts/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IntProduct } from '../src/data-formats/int-product';
import type {
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from '../src/data-formats/test-collections';
import { IntProducer } from '../src/modules/int-producer';
import { TestAlpakaGlobalProducerCopyToDeviceCache } from '../src/modules/test-alpaka-global-producer-copy-to-device-cache';
import { TestAlpakaGlobalProducerMoveToDeviceCache } from '../src/modules/test-alpaka-global-producer-move-to-device-cache';
import { TestAlpakaGlobalProducerNoOutput } from '../src/modules/test-alpaka-global-producer-no-output';
import { TestAlpakaProducer } from '../src/modules/test-alpaka-producer';
import { expectFilled, layout0, layout1, layout2 } from './expect-filled';
import { inspections, jobFailure, moduleBackends, newProcess, recorder, runProcess } from './jobs';

beforeEach(() => inspections.clear());

const classes = [
  TestAlpakaProducer,
  TestAlpakaGlobalProducerCopyToDeviceCache,
  TestAlpakaGlobalProducerMoveToDeviceCache,
  TestAlpakaGlobalProducerNoOutput,
  IntProducer,
];

/** Records the three products of `source`, checking each is filled with x = expected x. */
function expectUpdated(process: ReturnType<typeof newProcess>, source: string, x: number, seen: string[]) {
  process[`${source}Collection`] = recorder(source, 'collection');
  process[`${source}Multi2`] = recorder(source, 'multi2');
  process[`${source}Multi3`] = recorder(source, 'multi3');
  inspections.set(`${source}Collection`, (product: TestHostCollection) => {
    expectFilled(product.view(), layout0, 1, () => x);
    seen.push(`${source}:collection:${product.size}`);
  });
  inspections.set(`${source}Multi2`, (product: TestHostMultiCollection2) => {
    expectFilled(product.view(0), layout0, 1, () => x);
    expectFilled(product.view(1), layout1, 2, () => x);
    seen.push(`${source}:multi2:${product.sizes.join(',')}`);
  });
  inspections.set(`${source}Multi3`, (product: TestHostMultiCollection3) => {
    expectFilled(product.view(0), layout0, 1, () => x);
    expectFilled(product.view(1), layout1, 2, () => x);
    expectFilled(product.view(2), layout2, 3, () => x);
    seen.push(`${source}:multi3:${product.sizes.join(',')}`);
  });
  return [process[`${source}Collection`], process[`${source}Multi2`], process[`${source}Multi3`]];
}

describe.each(moduleBackends())('the global producers on %s', (backend) => {
  const producer = () =>
    cms.EDProducer(`alpaka_${backend}::TestAlpakaProducer`, {
      size: cms.int32(66),
      size2: cms.int32(4),
      size3: cms.int32(9),
    });

  it('CopyToDeviceCache and MoveToDeviceCache add their UpdateInfo x to every layout, keeping the rest', async () => {
    const process = newProcess(2);
    process.producer = producer();
    process.copyCache = cms.EDProducer(`alpaka_${backend}::TestAlpakaGlobalProducerCopyToDeviceCache`, {
      source: cms.InputTag('producer'),
      x: cms.int32(3),
      y: cms.int32(4),
      z: cms.int32(5),
    });
    process.moveCache = cms.EDProducer(`alpaka_${backend}::TestAlpakaGlobalProducerMoveToDeviceCache`, {
      source: cms.InputTag('producer'),
      x: cms.int32(32),
      y: cms.int32(42),
      z: cms.int32(52),
    });
    // x, y, z default to 0, 1, 2: update then adds 0.
    process.defaults = cms.EDProducer(`alpaka_${backend}::TestAlpakaGlobalProducerMoveToDeviceCache`, {
      source: cms.InputTag('producer'),
    });
    const seen: string[] = [];
    const recorders = [
      ...expectUpdated(process, 'copyCache', 3, seen),
      ...expectUpdated(process, 'moveCache', 32, seen),
      ...expectUpdated(process, 'defaults', 0, seen),
    ];
    process.p = cms.Path(process.producer, process.copyCache, process.moveCache, process.defaults, ...recorders);
    await runProcess(process, classes);
    // Two events, each with the three products of the three modules (in an order the queues decide).
    const expected = ['copyCache', 'moveCache', 'defaults'].flatMap((label) => [
      `${label}:collection:66`,
      `${label}:multi2:66,4`,
      `${label}:multi3:66,4,9`,
    ]);
    expect([...seen].sort()).toEqual([...expected, ...expected].sort());
  });

  it('CopyToDeviceCache without the Multi2 and Multi3 of its source fails with ProductNotFound', async () => {
    const process = newProcess(1);
    process.copyCache = cms.EDProducer(`alpaka_${backend}::TestAlpakaGlobalProducerCopyToDeviceCache`, {
      source: cms.InputTag('intProduct'),
    });
    process.intProduct = cms.EDProducer('IntProducer', { ivalue: cms.int32(1) });
    process.p = cms.Path(process.intProduct, process.copyCache);
    const failure = await jobFailure(runProcess(process, classes));
    expect(failure.category).toBe('ProductNotFound');
    expect(failure.message).toMatch(/TestHostCollection|TestDeviceCollection/);
  });

  it('NoOutput reads the device collection; without one the job fails with ProductNotFound', async () => {
    const process = newProcess(1);
    process.producer = producer();
    process.noOutput = cms.EDProducer(`alpaka_${backend}::TestAlpakaGlobalProducerNoOutput`, {
      source: cms.InputTag('producer'),
    });
    process.p = cms.Path(process.producer, process.noOutput);
    await runProcess(process, classes);

    const missing = newProcess(1);
    missing.noOutput = cms.EDProducer(`alpaka_${backend}::TestAlpakaGlobalProducerNoOutput`, {
      source: cms.InputTag('absent'),
    });
    missing.p = cms.Path(missing.noOutput);
    expect((await jobFailure(runProcess(missing, classes))).category).toBe('ProductNotFound');
  });
});

describe('IntProducer', () => {
  it('puts IntProduct(ivalue); ivalue is required', async () => {
    const process = newProcess(2);
    process.intProduct = cms.EDProducer('IntProducer', { ivalue: cms.int32(42) });
    process.record = recorder('intProduct', 'int');
    const values: number[] = [];
    inspections.set('record', (product: IntProduct) => void values.push(product.value));
    process.p = cms.Path(process.intProduct, process.record);
    await runProcess(process, classes);
    expect(values).toEqual([42, 42]);

    const without = newProcess(1);
    without.intProduct = cms.EDProducer('IntProducer', {});
    without.p = cms.Path(without.intProduct);
    expect((await jobFailure(runProcess(without, classes))).message).toMatch(/ivalue/);
  });
});
