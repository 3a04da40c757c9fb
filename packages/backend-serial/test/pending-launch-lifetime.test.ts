import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { allocBuf, array, f32, host, kernel, makeWorkDiv, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { acc1D, cpuLaunchCounts } from '../src/index';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const fillWith = kernel('fillWith', { n: u32, value: f32, x: array(f32) }, (acc, { n, value, x }) => {
  for (const i of acc.uniformElements(n)) x[i] = value;
});

const length = 4096;
const workDivision = makeWorkDiv(acc1D, 1, length);

/** Collects garbage and lets the finalisation callbacks (which return heap ranges) run. */
async function collectAndFinalise(): Promise<void> {
  for (let round = 0; round < 4; round++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a buffer referenced by enqueued work', () => {
  it('stays alive until the work has run, so the heap does not hand its memory to a new allocation', async () => {
    const queue = host().createQueue({ blocking: false });
    let open: () => void = () => {};
    queue.enqueue(() => new Promise<void>((resolve) => (open = resolve)));
    const start = cpuLaunchCounts().webassembly;
    // The pending launch's only reference to its buffer is what the queue holds.
    await queue.exec(workDivision, fillWith, { n: length, value: 7, x: allocBuf(host(), f32, length) });
    expect(cpuLaunchCounts().webassembly).toBe(start + 1);
    // Another launch, so nothing of the interface's memo of the last arguments holds the first buffer either.
    const other = allocBuf(host(), f32, 1);
    await queue.exec(makeWorkDiv(acc1D, 1, 1), fillWith, { n: 1, value: 1, x: other });
    await collectAndFinalise();
    const fresh = allocBuf(host(), f32, length);
    open();
    await queue.wait();
    expect(fresh.hostArray().every((value) => value === 0)).toBe(true);
    expect(other.hostArray()[0]).toBe(1);
  });
});
