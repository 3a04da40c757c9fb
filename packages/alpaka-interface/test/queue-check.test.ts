import { describe, expect, it } from 'vitest';
import { allocBuf, host, KernelExecutionError, memset, u8 } from '../src';
import type { QueueV1 } from '../src/backend';

describe('queue.enqueueCheck', () => {
  it('runs in queue order and fails the queue with the Error it returns; the next wait() rejects, then the queue goes on', async () => {
    const queue = host().createQueue({ blocking: false });
    const buffer = allocBuf(host(), u8, 4);
    memset(queue, buffer, 9);
    const seen: number[] = [];
    queue.enqueueCheck(() => {
      seen.push(buffer.hostArray()[0] ?? -1);
      return new KernelExecutionError('the check saw 9');
    });
    await expect(queue.wait()).rejects.toThrow('the check saw 9');
    expect(seen).toEqual([9]);
    queue.enqueueCheck(() => undefined);
    await expect(queue.wait()).resolves.toBeUndefined();
  });

  it("goes to the backend's enqueueCompletionCheck where it has one, not through a host task", () => {
    const queue = host().createQueue({ blocking: false });
    const implementation = queue.implementation as QueueV1 & { enqueueCompletionCheck?: unknown };
    const checks: unknown[] = [];
    let hostTasks = 0;
    const original = implementation.enqueueHostTask.bind(implementation);
    Object.assign(implementation, {
      enqueueCompletionCheck: (check: unknown) => checks.push(check),
      enqueueHostTask: (task: () => void) => {
        hostTasks++;
        original(task);
      },
    });
    const check = () => undefined;
    queue.enqueueCheck(check);
    expect(checks).toEqual([check]);
    expect(hostTasks).toBe(0);
  });
});
