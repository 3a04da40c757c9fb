import { expectEqual, expectTrue } from '../assertions';
import { defineCases } from '../conformance-case';
import { holdQueue, settle } from '../context';

export const eventCases = defineCases('event', {
  'a new event is complete': async (context) => {
    const event = context.device.createEvent();
    expectTrue(event.isComplete(), 'a never-recorded event is complete');
    await event.wait();
  },

  'an event recorded behind held work completes only after the work': async (context) => {
    const queue = context.queue({ blocking: false });
    const event = context.device.createEvent();
    const trigger = holdQueue(queue);
    queue.record(event);
    await settle();
    expectTrue(!event.isComplete(), 'the event is not complete while the queue is held');
    trigger.release();
    await event.wait();
    expectTrue(event.isComplete(), 'the event is complete after the queue passed it');
  },

  'a queue waiting for an event of another queue runs after it': async (context) => {
    const first = context.queue({ blocking: false });
    const second = context.queue({ blocking: false });
    const order: string[] = [];
    const trigger = holdQueue(first);
    first.enqueue(() => void order.push('first'));
    const event = context.device.createEvent();
    first.record(event);
    second.waitFor(event);
    second.enqueue(() => void order.push('second'));
    await settle();
    expectEqual(order.length, 0, 'tasks run while the first queue was held');
    trigger.release();
    await second.wait();
    expectEqual(order.join(','), 'first,second', 'the order of the two queues');
  },

  're-recording an event makes it incomplete until the new point is reached': async (context) => {
    const queue = context.queue({ blocking: false });
    const event = context.device.createEvent();
    queue.record(event);
    await queue.wait();
    expectTrue(event.isComplete(), 'the first record completed');
    const trigger = holdQueue(queue);
    queue.record(event);
    await settle();
    expectTrue(!event.isComplete(), 'the re-recorded event waits for the new point');
    trigger.release();
    await event.wait();
    expectTrue(event.isComplete(), 'the re-recorded event completes');
  },
});
