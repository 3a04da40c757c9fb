import { InputTag, type ParameterSet, productTypes } from '@alpaka-ts/core';
import { Backend } from '@alpaka-ts/core/alpaka';
import { TestProcessor, TestProcessorConfig } from '@alpaka-ts/core/testing';
import { describe, expect, it } from 'vitest';
import { TestAlpakaAnalyzer } from '../src/analyzers/test-alpaka-analyzer';
import {
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from '../src/data-formats/test-collections';
import { filledCollection, filledMulti2, filledMulti3 } from './fill-on-host';

// TestAlpakaAnalyzer through CMSSW's TestProcessor, fed host products as an alpaka producer labelled
// 'producer' would put them (collection, Multi2, Multi3 and its backend).
async function runAnalyzer(
  parameters: (p: ParameterSet) => void,
  products: {
    collection?: TestHostCollection;
    multi2?: TestHostMultiCollection2;
    multi3?: TestHostMultiCollection3;
    backend?: number;
  } = {},
) {
  const config = new TestProcessorConfig({
    module: {
      type: TestAlpakaAnalyzer,
      label: 'alpakaGlobalConsumer',
      parameters: (p) => {
        p.addParameter('source', 'InputTag', new InputTag('producer'));
        parameters(p);
      },
    },
  });
  const collection = config.produces(TestHostCollection, 'producer');
  const multi2 = config.produces(TestHostMultiCollection2, 'producer');
  const multi3 = config.produces(TestHostMultiCollection3, 'producer');
  const backend = config.produces(productTypes.unsignedShort, 'producer', 'backend');
  const tester = await TestProcessor.create(config);
  try {
    await tester.test(
      collection.with(products.collection ?? filledCollection(10)),
      multi2.with(products.multi2 ?? filledMulti2([10, 10])),
      multi3.with(products.multi3 ?? filledMulti3([10, 10, 10])),
      backend.with(products.backend ?? Backend.SerialSync),
    );
  } finally {
    await tester.testEndJob().catch(() => undefined);
  }
}

const expectSerial = (p: ParameterSet) => {
  p.addParameter('expectSize', 'int32', 10);
  p.addParameter('expectBackend', 'string', 'SerialSync');
};

describe('TestAlpakaAnalyzer', () => {
  it("passes TestAlgo's fill with the expected size and backend, and skips what is not asked for", async () => {
    await expect(runAnalyzer(expectSerial)).resolves.toBeUndefined();
    // expectSize -1, no x values, no backend: nothing about the size, x or backend is checked.
    await expect(
      runAnalyzer(() => undefined, { collection: filledCollection(3, 7), backend: Backend.CudaAsync }),
    ).resolves.toBeUndefined();
  });

  it('checks x against expectXvalues cycled with i % n, in every layout', async () => {
    const cycled = filledCollection(5);
    const x = cycled.view().columns.x as Float64Array;
    for (let i = 0; i < 5; i++) x[i] = [1, 2][i % 2] as number;
    const params = (p: ParameterSet) => p.addParameter('expectXvalues', 'vdouble', [1, 2]);
    await expect(runAnalyzer(params, { collection: cycled, multi2: filledMulti2([5, 5]) })).rejects.toMatchObject({
      category: 'Assert',
      // The collection passes; Multi2's layout 0 has x = 0 where 1 is expected.
      message: expect.stringContaining('Index 0 expected value 1, got 0'),
    });
    const multi2 = filledMulti2([5, 3]);
    const multi3 = filledMulti3([5, 3, 4]);
    for (const view of [multi2.view(0), multi3.view(0)]) (view.columns.x as Float64Array).set([1, 2, 1, 2, 1]);
    for (const view of [multi2.view(1), multi3.view(1)]) (view.columns.x2 as Float64Array).set([1, 2, 1]);
    (multi3.view(2).columns.x3 as Float64Array).set([1, 2, 1, 2]);
    await expect(runAnalyzer(params, { collection: cycled, multi2, multi3 })).resolves.toBeUndefined();
  });

  it("fails a wrong size with CMSSW's message, naming the module and the event", async () => {
    const error = await runAnalyzer(expectSerial, { collection: filledCollection(5) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'Assert' });
    const message = (error as Error).message;
    expect(message).toContain('Expected input collection size 10, got 5');
    expect(message).toContain(
      "module 'alpakaGlobalConsumer', event run: 1 lumi: 1 event: 1: field size expected 10, seen 5",
    );
  });

  it('fails a wrong x value naming the field, the index, the expected and the seen value', async () => {
    const collection = filledCollection(10, 3);
    (collection.view().columns.x as Float64Array)[7] = 4;
    const error = await runAnalyzer((p) => p.addParameter('expectXvalues', 'vdouble', [3]), { collection }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ category: 'Assert' });
    expect((error as Error).message).toContain('Index 7 expected value 3, got 4');
    expect((error as Error).message).toContain('field TestHostCollection x index 7 expected 3, seen 4');
  });

  it("fails a wrong backend with CMSSW's message", async () => {
    await expect(runAnalyzer(expectSerial, { backend: Backend.CudaAsync })).rejects.toMatchObject({
      category: 'Assert',
      message: expect.stringContaining('Expected input backend SerialSync, got CudaAsync'),
    });
  });

  it("refuses an unknown expectBackend as CMSSW's toBackend does", async () => {
    await expect(runAnalyzer((p) => p.addParameter('expectBackend', 'string', 'Serial'))).rejects.toThrow(/Serial/);
  });

  it.each([
    ['the scalar r', (c: TestHostCollection) => (c.view().scalars.r = 2), 'TestHostCollection r', 'expected 1, seen 2'],
    ['y', (c: TestHostCollection) => ((c.view().columns.y as Float64Array)[2] = 1), 'y index 2', 'expected 0, seen 1'],
    [
      'z',
      (c: TestHostCollection) => ((c.view().columns.z as Float64Array)[3] = -1),
      'z index 3',
      'expected 0, seen -1',
    ],
    ['id', (c: TestHostCollection) => ((c.view().columns.id as Int32Array)[4] = 5), 'id index 4', 'expected 4, seen 5'],
    [
      'flags',
      (c: TestHostCollection) => c.view().element('flags', 1).set([6, 4, 2, 1]),
      'flags index 1',
      'expected {6, 4, 2, 0}, seen {6, 4, 2, 1}',
    ],
    ['m', (c: TestHostCollection) => c.view().matrix('m').set(2, 1, 5, 0), 'm(1,5) index 2', 'expected 24, seen 0'],
  ])('fails a wrong %s of the collection, saying which check', async (_what, spoil, field, values) => {
    const collection = filledCollection(10);
    spoil(collection);
    const error = await runAnalyzer(expectSerial, { collection }).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'Assert' });
    expect((error as Error).message).toContain('Check failed: TestHostCollection');
    expect((error as Error).message).toContain(`${field} ${values}`);
  });

  it('checks the scalars r2 and r3 and the rows of every layout of Multi2 and Multi3', async () => {
    const multi2 = filledMulti2([10, 4]);
    multi2.view(1).scalars.r2 = 1;
    await expect(runAnalyzer(expectSerial, { multi2 })).rejects.toMatchObject({
      message: expect.stringContaining('field TestHostMultiCollection2 layout 1 r2 expected 2, seen 1'),
    });
    const multi3 = filledMulti3([10, 4, 6]);
    (multi3.view(2).columns.id3 as Int32Array)[5] = 0;
    await expect(runAnalyzer(expectSerial, { multi3 })).rejects.toMatchObject({
      message: expect.stringContaining('field TestHostMultiCollection3 layout 2 id3 index 5 expected 5, seen 0'),
    });
    // Each layout has its own size: the analyzer reads them from the product, not from expectSize.
    await expect(
      runAnalyzer(expectSerial, { multi2: filledMulti2([10, 4]), multi3: filledMulti3([10, 4, 6]) }),
    ).resolves.toBeUndefined();
  });
});
