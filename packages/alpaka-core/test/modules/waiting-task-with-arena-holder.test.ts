import { describe, expect, it } from 'vitest';
import { WaitingTask, WaitingTaskWithArenaHolder } from '../../src/modules/waiting-task-with-arena-holder';

describe('WaitingTaskWithArenaHolder', () => {
  it('runs the task when the last reference is released', () => {
    const task = new WaitingTask();
    let done = 0;
    task.onDone = () => done++;
    const holder = new WaitingTaskWithArenaHolder(task);
    const first = holder.copy();
    const second = first.copy();
    holder.releaseIfHeld();
    first.doneWaiting();
    expect(done).toBe(0);
    second.doneWaiting();
    expect(done).toBe(1);
    expect(task.references).toBe(0);
  });

  it('keeps the first error passed to doneWaiting, converted', () => {
    const task = new WaitingTask();
    const holder = new WaitingTaskWithArenaHolder(task);
    const copy = holder.copy();
    copy.doneWaiting(new Error('first'));
    holder.doneWaiting(new Error('second'));
    expect(task.error?.message).toBe('A std::exception was thrown.\nfirst');
  });

  it('refuses a second release or a copy of a released holder', () => {
    const holder = new WaitingTaskWithArenaHolder(new WaitingTask());
    holder.copy();
    holder.doneWaiting();
    expect(holder.released).toBe(true);
    expect(() => holder.doneWaiting()).toThrow(/already released/);
    expect(() => holder.copy()).toThrow(/holder\.copy\(\)/);
  });
});
