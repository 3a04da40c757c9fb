import { cms } from '@alpaka-ts/core';
import {
  acceleratorOf,
  copyToHost,
  divideUpBy,
  host,
  InvalidArgumentError,
  makeWorkDiv,
  memcpy,
  Platform,
} from '@alpaka-ts/interface';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addressOfBufferColumn,
  readThroughPtr,
  setPtrInTestProductWithPtr,
  TestProductWithPtrDevice,
  TestProductWithPtrHost,
} from '../src/data-formats/test-product-with-ptr';
import { TestAlpakaGlobalProducerWithPtr } from '../src/modules/test-alpaka-global-producer-with-ptr';
import { testPtrAlgoKernel } from '../src/modules/test-ptr-algo-kernel';
import { inspections, moduleBackends, newProcess, recorder, registerMock, runProcess } from './jobs';

beforeEach(() => inspections.clear());

describe.each(moduleBackends())('TestAlpakaGlobalProducerWithPtr on %s', (backend) => {
  it('puts a product whose ptr, read on the host, gives ptr[i] == 2i + 1 == buffer(i)', async () => {
    const process = newProcess(3);
    process.producer = cms.EDProducer(`alpaka_${backend}::TestAlpakaGlobalProducerWithPtr`, { size: cms.int32(70) });
    process.record = recorder('producer', 'withPtr');
    let events = 0;
    inspections.set('record', (product: TestProductWithPtrHost) => {
      expect(product.size).toBe(70);
      const buffer = product.constView().columns.buffer as Int32Array;
      for (let i = 0; i < product.size; i++) {
        expect(readThroughPtr(product, i)).toBe(2 * i + 1);
        expect(buffer[i]).toBe(2 * i + 1);
      }
      events += 1;
    });
    process.p = cms.Path(process.producer, process.record);
    await runProcess(process, [TestAlpakaGlobalProducerWithPtr]);
    expect(events).toBe(3);
  });
});

describe('TestProductWithPtr', () => {
  it("CopyToHost's postCopy re-points ptr: a byte copy alone leaves the device address, which readThroughPtr refuses", async () => {
    const mock = registerMock();
    const queue = Platform.of(mock.platform()).device(0).createQueue();
    const onDevice = new TestProductWithPtrDevice(5, queue);
    const deviceAddress = addressOfBufferColumn(onDevice);
    expect(deviceAddress).toBeGreaterThanOrEqual(2 ** 40);
    await queue.exec(makeWorkDiv(acceleratorOf(mock, 1), divideUpBy(5, 64), 64), testPtrAlgoKernel, {
      v: onDevice.view(),
      address: deviceAddress,
    });
    const bytesOnly = new TestProductWithPtrHost(5, queue);
    memcpy(queue, bytesOnly.buffer, onDevice.buffer);
    const copied = await copyToHost<TestProductWithPtrHost>(queue, onDevice);
    await queue.wait();
    expect(bytesOnly.constView().scalars.ptr).toBe(deviceAddress);
    expect(() => readThroughPtr(bytesOnly, 0)).toThrow(InvalidArgumentError);
    expect(() => readThroughPtr(bytesOnly, 0)).toThrow(
      /ptr holds \d+, which is not an address in this product's host memory/,
    );
    expect(copied).toBeInstanceOf(TestProductWithPtrHost);
    expect(copied.constView().scalars.ptr).toBe(addressOfBufferColumn(copied));
    expect([0, 1, 2, 3, 4].map((i) => readThroughPtr(copied, i))).toEqual([1, 3, 5, 7, 9]);
    expect(() => readThroughPtr(copied, 5)).toThrow(/ptr\[5\] lies outside the 5 elements/);
  });

  it('on the host, ptr is the address of buffer(0) in host memory, and reading through it sees writes to buffer', () => {
    const product = new TestProductWithPtrHost(3, host());
    setPtrInTestProductWithPtr(product);
    const buffer = product.view().columns.buffer as Int32Array;
    buffer.set([7, 8, 9]);
    expect(product.constView().scalars.ptr).toBe(buffer.byteOffset);
    expect(readThroughPtr(product, 2)).toBe(9);
  });
});
