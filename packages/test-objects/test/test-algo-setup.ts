import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import {
  acceleratorOf,
  type BackendV1,
  copyToHost,
  Device,
  loadBackend,
  Platform,
  type Queue,
} from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { registerTestCopies } from '../src/data-formats/test-copies';
import { TestAlgo } from '../src/test-algo/test-algo';

registerTestCopies();

/** serial_sync and the mock accelerator (memory JavaScript cannot read, non-blocking queues), as TestAlgo runs them. */
export interface AlgoBackend {
  readonly name: string;
  readonly backend: BackendV1;
  readonly queue: () => Queue;
  readonly algo: TestAlgo;
}

export async function algoBackends(): Promise<AlgoBackend[]> {
  const serial = await loadBackend('serial_sync');
  const mock = createMockAcceleratorBackend({ kernelRunner: serialKernelRunner });
  const serialDevice = Device.of(serial.platform().devices()[0] as never);
  const mockDevice = Platform.of(mock.platform()).device(0);
  return [
    {
      name: 'serial_sync',
      backend: serial,
      queue: () => serialDevice.createQueue(),
      algo: new TestAlgo(acceleratorOf(serial, 1)),
    },
    { name: 'mock', backend: mock, queue: () => mockDevice.createQueue(), algo: new TestAlgo(acceleratorOf(mock, 1)) },
  ];
}

/** The product in host memory, waited for: itself on the host, its CopyToHost otherwise. */
export async function readBack<T extends object>(queue: Queue, product: T): Promise<T> {
  const onHost = queue.device.isHost ? product : (copyToHost(queue, product as never) as T);
  await queue.wait();
  return onHost;
}
