import { InvalidArgumentError } from '../../errors';
import { type AllocationPoint, MockMemory } from './mock-memory';

/** One piece of queued work: what it touches (for the stream-order check), when it may start, and what it does. */
export interface MockOperation {
  /** For messages: 'copy', 'kernel conformanceAxpy', 'host task' … */
  readonly description: string;
  /** Mock memories the operation reads or writes. */
  readonly memories: readonly MockMemory[];
  /** False while it must not start yet (a wait for an event not yet reached). */
  canStart(): boolean;
  /** Does the work; a returned promise holds the queue until it settles. */
  run(): void | Promise<void>;
}

export const alwaysReady = (): boolean => true;

/** The mock memories among some memories (host-readable ones are not stream-ordered by the mock). */
export const mockMemoriesOf = (memories: Iterable<unknown>): MockMemory[] =>
  [...memories].filter((memory): memory is MockMemory => memory instanceof MockMemory);

/**
 * CUDA's rule for stream-ordered memory (cudaMallocAsync): another stream may use it only after it has been
 * ordered after the allocation, through an event. The mock checks the rule when an operation starts, so a
 * missing waitFor fails a test at wait() instead of passing by luck.
 */
export function checkStreamOrder(operation: MockOperation, queue: AllocationPoint['queue']): void {
  const queueName = queue.name;
  for (const memory of operation.memories) {
    const point = memory.allocationPoint;
    if (!point || point.queue === queue) continue;
    if (point.queue.completedOperations < point.position) {
      throw new InvalidArgumentError(
        `${operation.description} on ${queueName} uses memory allocated stream-ordered on ${point.queue.name} before that queue reached the allocation; record an event on ${point.queue.name} after allocating and make ${queueName} wait for it (queue.waitFor(event)).`,
      );
    }
  }
}
