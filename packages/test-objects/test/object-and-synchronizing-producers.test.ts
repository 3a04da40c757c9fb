import { cms } from '@alpaka-ts/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestHostCollection } from '../src/data-formats/test-collections';
import type { TestHostObject } from '../src/data-formats/test-objects';
import { TestAlpakaGlobalProducerImplicitCopyToDevice } from '../src/modules/test-alpaka-global-producer-implicit-copy-to-device';
import { TestAlpakaProducer } from '../src/modules/test-alpaka-producer';
import { TestAlpakaStreamSynchronizingProducerToDevice } from '../src/modules/test-alpaka-stream-synchronizing-producer-to-device';
import { TestAlpakaVerifyObjectOnDevice } from '../src/modules/test-alpaka-verify-object-on-device';
import { expectFilled, layout0 } from './expect-filled';
import { inspections, jobFailure, moduleBackends, newProcess, recorder, runProcess } from './jobs';

beforeEach(() => inspections.clear());

const classes = [
  TestAlpakaProducer,
  TestAlpakaGlobalProducerImplicitCopyToDevice,
  TestAlpakaVerifyObjectOnDevice,
  TestAlpakaStreamSynchronizingProducerToDevice,
];

describe.each(moduleBackends())('the object and synchronizing producers on %s', (backend) => {
  it('ImplicitCopyToDevice puts host objects {6, 14, 15, 52}; VerifyObjectOnDevice checks both on the device', async () => {
    const process = newProcess(2);
    process.implicit = cms.EDProducer(`alpaka_${backend}::TestAlpakaGlobalProducerImplicitCopyToDevice`, {});
    process.verify = cms.EDProducer(`alpaka_${backend}::TestAlpakaVerifyObjectOnDevice`, {
      source: cms.InputTag('implicit'),
    });
    process.verifyInstance = cms.EDProducer(`alpaka_${backend}::TestAlpakaVerifyObjectOnDevice`, {
      source: cms.InputTag('implicit', 'instance'),
    });
    process.verdict = recorder('verify', 'bool');
    process.verdictInstance = recorder('verifyInstance', 'bool');
    process.hostObject = recorder('implicit:instance', 'object');
    const seen: string[] = [];
    inspections.set('verdict', (product: boolean) => void seen.push(`verify:${product}`));
    inspections.set('verdictInstance', (product: boolean) => void seen.push(`verifyInstance:${product}`));
    inspections.set('hostObject', (product: TestHostObject) => void seen.push(JSON.stringify(product.value)));
    process.p = cms.Path(
      process.implicit,
      process.verify,
      process.verifyInstance,
      process.verdict,
      process.verdictInstance,
      process.hostObject,
    );
    await runProcess(process, classes);
    const perEvent = ['verify:true', 'verifyInstance:true', '{"x":6,"y":14,"z":15,"id":52}'];
    // The host object's reader runs as soon as it can, before the verifiers' asynchronous work: compare unordered.
    expect([...seen].sort()).toEqual([...perEvent, ...perEvent].sort());
  });

  it('VerifyObjectOnDevice of another object fails the job: Assert, "Device object verification failed"', async () => {
    const process = newProcess(1);
    process.producer = cms.EDProducer(`alpaka_${backend}::TestAlpakaProducer`, {
      size: cms.int32(1),
      size2: cms.int32(1),
      size3: cms.int32(1),
    });
    // TestAlpakaProducer's object is {5, 12, 13, 42}.
    process.verify = cms.EDProducer(`alpaka_${backend}::TestAlpakaVerifyObjectOnDevice`, {
      source: cms.InputTag('producer'),
    });
    process.p = cms.Path(process.producer, process.verify);
    const failure = await jobFailure(runProcess(process, classes));
    expect(failure.category).toBe('Assert');
    expect(failure.message).toBe('Device object verification failed');
    expect(failure.exitCode).toBe(8001);
  });

  it("StreamSynchronizingProducerToDevice fills a collection of its backend's size in acquire and puts it", async () => {
    const process = newProcess(2);
    process.toDevice = cms.EDProducer(`alpaka_${backend}::TestAlpakaStreamSynchronizingProducerToDevice`, {
      size: cms.PSet({
        alpaka_serial_sync: cms.int32(1),
        alpaka_cuda_async: cms.int32(2),
        alpaka_rocm_async: cms.int32(3),
        [`alpaka_${backend}`]: cms.int32(backend === 'serial_sync' ? 1 : 77),
      }),
    });
    process.record = recorder('toDevice', 'collection');
    const sizes: number[] = [];
    inspections.set('record', (product: TestHostCollection) => {
      expectFilled(product.view(), layout0, 1, () => 0);
      sizes.push(product.size);
    });
    process.p = cms.Path(process.toDevice, process.record);
    await runProcess(process, classes);
    const size = backend === 'serial_sync' ? 1 : 77;
    expect(sizes).toEqual([size, size]);
  });

  it("StreamSynchronizingProducerToDevice without a size for its backend fails, naming the backend's key", async () => {
    const process = newProcess(1);
    process.toDevice = cms.EDProducer(`alpaka_${backend}::TestAlpakaStreamSynchronizingProducerToDevice`, {
      size: cms.PSet({ alpaka_cuda_async: cms.int32(2), alpaka_rocm_async: cms.int32(3) }),
    });
    process.p = cms.Path(process.toDevice);
    const failure = await jobFailure(runProcess(process, classes));
    expect(failure.category).toBe('Configuration');
    expect(failure.message).toMatch(/alpaka_serial_sync/);
  });
});
