import type { Extent3, MemoryV1, PlatformV1, QueueV1, RegionV1 } from '../../backend';
import type { ElementType } from '../../element-types';
import { InvalidArgumentError } from '../../errors';
import { copyHostRegions, fillHostRegion, setHostRegion } from '../../host/host-memory';
import { hostReadableRegion, MockMemory } from './mock-memory';
import type { MockStatisticsCounters } from './mock-statistics';

type Side = 'host' | 'device';

/**
 * The copy engine of one mock platform: checks each side when the copy is enqueued (bad input is refused then,
 * as a GPU backend refuses it), counts it, and returns the work the queue runs later. The work reads and writes
 * host memory only when it runs, so host memory is treated as a GPU treats pinned memory: a host buffer changed
 * after memcpy returned but before the queue passed the copy changes what is copied, as it may on a GPU.
 */
export class MockCopier {
  constructor(
    private readonly platform: PlatformV1,
    private readonly statistics: MockStatisticsCounters,
    private readonly isMapped: (memory: MemoryV1) => boolean,
  ) {}

  private sideOf(queue: QueueV1, memory: MemoryV1, what: string): Side {
    if (memory instanceof MockMemory && memory.device.platform === this.platform) return 'device';
    if (memory.hostArrayBuffer !== undefined) return 'host';
    throw new InvalidArgumentError(
      `the ${what} is memory of ${memory.device.name}, which a queue of ${queue.device.name} cannot reach; copy it through host memory.`,
    );
  }

  private ownMemory(queue: QueueV1, region: RegionV1, operation: string): void {
    const memory = region.memory;
    if (!(memory instanceof MockMemory) || memory.device.platform !== this.platform)
      throw new InvalidArgumentError(
        `a queue of ${queue.device.name} ${operation} its own platform's device memory only; this memory is on ${memory.device.name}.`,
      );
  }

  prepareCopy(queue: QueueV1, destination: RegionV1, source: RegionV1, extentBytes: Extent3): () => void {
    const to = this.sideOf(queue, destination.memory, 'copy destination');
    const from = this.sideOf(queue, source.memory, 'copy source');
    const bytes = extentBytes[0] * extentBytes[1] * extentBytes[2];
    const direction = `${from}To${to === 'host' ? 'Host' : 'Device'}` as const;
    const device = queue.device.index;
    this.statistics.add(device, `${direction}Copies`);
    this.statistics.add(device, `${direction}Bytes`, bytes);
    const pageable = [destination.memory, source.memory].some(
      (memory) => memory.hostArrayBuffer !== undefined && !this.isMapped(memory),
    );
    if (pageable) this.statistics.add(device, 'pageableHostCopies');
    return () => copyHostRegions(hostReadableRegion(destination), hostReadableRegion(source), extentBytes);
  }

  prepareSet(queue: QueueV1, destination: RegionV1, byteValue: number, extentBytes: Extent3): () => void {
    this.ownMemory(queue, destination, 'sets');
    this.statistics.add(queue.device.index, 'sets');
    return () => setHostRegion(hostReadableRegion(destination), byteValue, extentBytes);
  }

  prepareFill(
    queue: QueueV1,
    destination: RegionV1,
    elementType: ElementType,
    value: number,
    extentElements: Extent3,
  ): () => void {
    this.ownMemory(queue, destination, 'fills');
    this.statistics.add(queue.device.index, 'fills');
    return () => fillHostRegion(hostReadableRegion(destination), elementType, value, extentElements);
  }
}
