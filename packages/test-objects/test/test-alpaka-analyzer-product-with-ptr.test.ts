import { InputTag, type ParameterSet } from '@alpaka-ts/core';
import { TestProcessor, TestProcessorConfig } from '@alpaka-ts/core/testing';
import { host } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { TestAlpakaAnalyzerProductWithPtr } from '../src/analyzers/test-alpaka-analyzer-product-with-ptr';
import { setPtrInTestProductWithPtr, TestProductWithPtrHost } from '../src/data-formats/test-product-with-ptr';

/** What TestAlpakaGlobalProducerWithPtr puts: buffer(i) = 2i + 1 and ptr = &buffer(0). */
function withPtr(size: number): TestProductWithPtrHost {
  const product = new TestProductWithPtrHost(size, host());
  const buffer = product.view().columns.buffer as Int32Array;
  for (let i = 0; i < size; i++) buffer[i] = 2 * i + 1;
  setPtrInTestProductWithPtr(product);
  return product;
}

async function analyze(product: TestProductWithPtrHost) {
  const config = new TestProcessorConfig({
    module: {
      type: TestAlpakaAnalyzerProductWithPtr,
      label: 'analyzer',
      parameters: (p: ParameterSet) => p.addParameter('src', 'InputTag', new InputTag('producer')),
    },
  });
  const token = config.produces(TestProductWithPtrHost, 'producer');
  const tester = await TestProcessor.create(config);
  try {
    await tester.test(token.with(product));
  } finally {
    await tester.testEndJob().catch(() => undefined);
  }
}

describe('TestAlpakaAnalyzerProductWithPtr', () => {
  it('passes ptr[i] == buffer(i) == 2i + 1 with ptr pointing to the buffer', async () => {
    await expect(analyze(withPtr(32))).resolves.toBeUndefined();
  });

  it('fails a wrong buffer value, read through ptr first, naming the index, the expected and the seen value', async () => {
    const product = withPtr(32);
    (product.view().columns.buffer as Int32Array)[9] = 0;
    const error = await analyze(product).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'Assert' });
    expect((error as Error).message).toContain('Check failed: ptr[9] is not 2i + 1');
    expect((error as Error).message).toContain(
      "module 'analyzer', event run: 1 lumi: 1 event: 1: field ptr index 9 expected 19, seen 0",
    );
  });

  it('fails a ptr that does not point into the product (a device pointer never re-pointed)', async () => {
    const product = withPtr(4);
    product.view().scalars.ptr = 2 ** 40;
    await expect(analyze(product)).rejects.toMatchObject({
      category: 'Assert',
      message: expect.stringContaining(
        `field ptr index 0 expected the address of buffer(0) in host memory, seen ${2 ** 40}`,
      ),
    });
  });

  it('fails a ptr pointing to another row', async () => {
    const product = withPtr(4);
    product.view().scalars.ptr = (product.view().scalars.ptr ?? 0) + 4;
    await expect(analyze(product)).rejects.toMatchObject({
      message: expect.stringContaining('field ptr index 0 expected 1, seen 3'),
    });
  });
});
