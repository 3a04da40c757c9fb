import type { Device, Queue } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { describe, expect, it } from 'vitest';
import { CUDAService, ESProduct } from '../src';

describe('cuda.ESProduct', () => {
  it('transfers once per device; another stream waits on the event while it runs, then takes it as it is', async () => {
    const mock = createMockAcceleratorBackend({ name: 'mock_cuda_es_product', deviceCount: 2 });
    const cuda = new CUDAService(mock);
    const transfers: string[] = [];
    const product = new ESProduct(cuda, (device: Device) => ({ device, values: [] as number[] }));
    const transfer = (data: { values: number[] }, stream: Queue) => {
      transfers.push(`device ${cuda.devices.indexOf(stream.device)}`);
      stream.enqueue(() => {
        data.values.push(1, 2, 3);
      });
    };
    const [device0, device1] = cuda.devices as [Device, Device];
    const [first, second, onOther] = [cuda.takeStream(device0), cuda.takeStream(device0), cuda.takeStream(device1)];
    const data = product.dataForCurrentDeviceAsync(first, transfer);
    const waitsBefore = mock.statistics().eventWaits;
    expect(product.dataForCurrentDeviceAsync(second, transfer)).toBe(data);
    expect(mock.statistics().eventWaits - waitsBefore).toBe(1);
    // The filling stream itself continues in order: nothing to wait for.
    product.dataForCurrentDeviceAsync(first, transfer);
    expect(mock.statistics().eventWaits - waitsBefore).toBe(1);
    await first.wait();
    expect(data.values).toEqual([1, 2, 3]);
    // Once the event has occurred, the data is filled: no wait, no transfer.
    expect(product.dataForCurrentDeviceAsync(second, transfer)).toBe(data);
    expect(product.dataForCurrentDeviceAsync(second, transfer)).toBe(data);
    expect(mock.statistics().eventWaits - waitsBefore).toBe(1);
    // The other device gets its own copy, transferred on its own stream.
    const other = product.dataForCurrentDeviceAsync(onOther, transfer);
    expect(other).not.toBe(data);
    expect(other.device).toBe(device1);
    expect(transfers).toEqual(['device 0', 'device 1']);
  });
});
