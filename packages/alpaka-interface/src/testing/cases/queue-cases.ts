import { KernelExecutionError } from '../../errors';
import { expectArrayEqual, expectEqual, expectThrows, expectTrue } from '../assertions';
import { defineCases } from '../conformance-case';
import { holdQueue, settle } from '../context';

export const queueCases = defineCases('queue', {
  'a new queue is empty, and so is one whose work has finished': async (context) => {
    const queue = context.queue({ blocking: false });
    expectTrue(queue.isEmpty(), 'a new queue reports isEmpty()');
    queue.enqueue(() => {});
    await queue.wait();
    expectTrue(queue.isEmpty(), 'a queue whose work finished reports isEmpty()');
  },

  'host tasks run in FIFO order': async (context) => {
    const queue = context.queue({ blocking: false });
    const order: number[] = [];
    for (let task = 0; task < 5; task++) queue.enqueue(() => void order.push(task));
    await queue.wait();
    expectArrayEqual(order, [0, 1, 2, 3, 4], 'the tasks ran in enqueue order');
  },

  'a held task keeps a non-blocking queue busy and later work waiting': async (context) => {
    const queue = context.queue({ blocking: false });
    const trigger = holdQueue(queue);
    let ran = false;
    queue.enqueue(() => {
      ran = true;
    });
    await settle();
    expectTrue(!queue.isEmpty(), 'the held queue is not empty');
    expectTrue(!ran, 'work behind the held task has not run');
    trigger.release();
    await queue.wait();
    expectTrue(ran && queue.isEmpty(), 'after release the work ran and the queue is empty');
  },

  'a blocking queue finishes each operation before enqueue returns': async (context) => {
    const queue = context.queue({ blocking: true });
    expectTrue(queue.blocking, 'the queue says it is blocking');
    let ran = false;
    queue.enqueue(() => {
      ran = true;
    });
    expectTrue(ran, 'the task ran before enqueue returned');
    expectTrue(queue.isEmpty(), 'the blocking queue is empty after enqueue returned');
  },

  'a failed task rejects wait() once, and the queue keeps working': async (context) => {
    const queue = context.queue({ blocking: false });
    queue.enqueue(() => {
      throw new Error('boom in a host task');
    });
    let after = 0;
    queue.enqueue(() => {
      after += 1;
    });
    await expectThrows(() => queue.wait(), KernelExecutionError, /boom in a host task/, 'wait() reports the failure');
    expectEqual(after, 1, 'the task after the failure still ran');
    await queue.wait();
  },

  'tryWait is false while work runs, then true, and throws a failure once': async (context) => {
    const queue = context.queue({ blocking: false });
    if (queue.implementation.tryWait === undefined) return; // optional in the contract: such a queue is waited for
    const trigger = holdQueue(queue);
    await settle();
    expectTrue(!queue.tryWait(), 'tryWait() is false while a held task keeps the queue busy');
    queue.enqueue(() => {
      throw new Error('boom before tryWait');
    });
    trigger.release();
    let finished = false;
    let failure: unknown;
    for (let attempt = 0; attempt < 500 && !finished; attempt++) {
      try {
        finished = queue.tryWait();
      } catch (error) {
        failure = error;
        finished = true;
      }
      if (!finished) await settle();
    }
    expectTrue(
      failure instanceof KernelExecutionError && /boom before tryWait/.test(String(failure)),
      'tryWait() threw the failure once the work was done',
    );
    expectTrue(queue.tryWait(), 'the next tryWait() is true: the failure was reported once');
    await queue.wait();
  },
});
