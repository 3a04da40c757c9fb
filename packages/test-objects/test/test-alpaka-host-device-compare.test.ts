import { InputTag, type ParameterSet } from '@alpaka-ts/core';
import { TestProcessor, TestProcessorConfig } from '@alpaka-ts/core/testing';
import { describe, expect, it } from 'vitest';
import { TestAlpakaHostDeviceCompare } from '../src/analyzers/test-alpaka-host-device-compare';
import { TestHostCollection } from '../src/data-formats/test-collections';
import { filledCollection } from './fill-on-host';

async function compare(host: TestHostCollection, device: TestHostCollection, expectedXdiff?: number) {
  const config = new TestProcessorConfig({
    module: {
      type: TestAlpakaHostDeviceCompare,
      label: 'compare',
      parameters: (p: ParameterSet) => {
        p.addUntrackedParameter('srcHost', 'InputTag', new InputTag('producerHost'));
        p.addUntrackedParameter('srcDevice', 'InputTag', new InputTag('producer'));
        if (expectedXdiff !== undefined) p.addUntrackedParameter('expectedXdiff', 'double', expectedXdiff);
      },
    },
  });
  const hostToken = config.produces(TestHostCollection, 'producerHost');
  const deviceToken = config.produces(TestHostCollection, 'producer');
  const tester = await TestProcessor.create(config);
  try {
    await tester.test(hostToken.with(host), deviceToken.with(device));
  } finally {
    await tester.testEndJob().catch(() => undefined);
  }
}

describe('TestAlpakaHostDeviceCompare', () => {
  it('passes equal x by default (expectedXdiff = 0) and a difference equal to expectedXdiff', async () => {
    await expect(compare(filledCollection(10, 1), filledCollection(10, 1))).resolves.toBeUndefined();
    // HostAndDevice on CUDA: the host clone writes 1.0, the device 2.0.
    await expect(compare(filledCollection(10, 1), filledCollection(10, 2), -1)).resolves.toBeUndefined();
  });

  it('fails different sizes, naming the module and both sizes', async () => {
    const error = await compare(filledCollection(10), filledCollection(20)).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'Assert' });
    expect((error as Error).message).toContain(
      'Comparison of metadata().size() failed, expected difference 0 but got -10, host value 10 device value 20',
    );
    expect((error as Error).message).toContain("module 'compare', event run: 1 lumi: 1 event: 1: field size");
  });

  it('fails a difference other than expectedXdiff at the first index where it occurs', async () => {
    const device = filledCollection(10, 1);
    (device.view().columns.x as Float64Array)[6] = 2;
    const error = await compare(filledCollection(10, 1), device).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'Assert' });
    expect((error as Error).message).toContain('field x (host - device) index 6 expected 0, seen -1');
    await expect(compare(filledCollection(10, 1), filledCollection(10, 1), -1)).rejects.toMatchObject({
      message: expect.stringContaining(
        'Comparison of view[0].x() failed, expected difference -1 but got 0, host value 1 device value 1',
      ),
    });
  });
});
