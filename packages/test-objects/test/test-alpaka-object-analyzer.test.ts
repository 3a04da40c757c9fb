import { InputTag, type ParameterSet, productTypes } from '@alpaka-ts/core';
import { Backend } from '@alpaka-ts/core/alpaka';
import { TestProcessor, TestProcessorConfig } from '@alpaka-ts/core/testing';
import { describe, expect, it } from 'vitest';
import { TestAlpakaObjectAnalyzer } from '../src/analyzers/test-alpaka-object-analyzer';
import { TestHostObject } from '../src/data-formats/test-objects';
import { filledObject } from './fill-on-host';

async function runObjectAnalyzer(object: TestHostObject, expectBackend = '', backend: number = Backend.SerialSync) {
  const config = new TestProcessorConfig({
    module: {
      type: TestAlpakaObjectAnalyzer,
      label: 'alpakaObjectConsumer',
      parameters: (p: ParameterSet) => {
        p.addParameter('source', 'InputTag', new InputTag('producer'));
        p.addParameter('expectBackend', 'string', expectBackend);
      },
    },
  });
  const objectToken = config.produces(TestHostObject, 'producer');
  const backendToken = config.produces(productTypes.unsignedShort, 'producer', 'backend');
  const tester = await TestProcessor.create(config);
  try {
    await tester.test(objectToken.with(object), backendToken.with(backend));
  } finally {
    await tester.testEndJob().catch(() => undefined);
  }
}

const produced = () => filledObject({ x: 5, y: 12, z: 13, id: 42 });

describe('TestAlpakaObjectAnalyzer', () => {
  it("passes fillObject's {5, 12, 13, 42} on the expected backend, and without a backend check", async () => {
    await expect(runObjectAnalyzer(produced(), 'SerialSync')).resolves.toBeUndefined();
    await expect(runObjectAnalyzer(produced(), '', Backend.CudaAsync)).resolves.toBeUndefined();
  });

  it.each([
    ['x', { x: 6, y: 12, z: 13, id: 42 }, 'TestHostObject .x expected 5, seen 6'],
    ['y', { x: 5, y: 11, z: 13, id: 42 }, 'TestHostObject .y expected 12, seen 11'],
    ['z', { x: 5, y: 12, z: 0, id: 42 }, 'TestHostObject .z expected 13, seen 0'],
    ['id', { x: 5, y: 12, z: 13, id: 52 }, 'TestHostObject .id expected 42, seen 52'],
  ])('fails a wrong %s with category Assert, naming the module and the event', async (_field, value, seen) => {
    const error = await runObjectAnalyzer(filledObject(value)).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'Assert' });
    expect((error as Error).message).toContain(
      `module 'alpakaObjectConsumer', event run: 1 lumi: 1 event: 1: field ${seen}`,
    );
  });

  it("fails a wrong backend with CMSSW's message", async () => {
    await expect(runObjectAnalyzer(produced(), 'CudaAsync')).rejects.toMatchObject({
      category: 'Assert',
      message: expect.stringContaining('Expected input backend CudaAsync, got SerialSync'),
    });
  });
});
