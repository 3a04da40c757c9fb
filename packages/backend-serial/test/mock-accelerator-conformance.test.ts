import {
  acceleratorOf,
  allocBuf,
  array,
  f32,
  host,
  kernel,
  makeWorkDiv,
  memcpy,
  Platform,
  u32,
} from '@alpaka-ts/interface';
import { ConformanceContext, conformanceCases, createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { describe, expect, it } from 'vitest';
import { cpuLaunchCounts, serialKernelRunner } from '../src/index';

// The whole conformance suite against the mock accelerator, its kernels run by serial_sync's compiled code: what
// the framework's tests rely on when they run alpaka modules on the mock instead of a GPU.
const mock = createMockAcceleratorBackend({ kernelRunner: serialKernelRunner });
const context = new ConformanceContext(mock);
const categories = [...new Set(conformanceCases.map((testCase) => testCase.category))];
const before = cpuLaunchCounts();

const scale = kernel('mockScale', { n: u32, factor: f32, values: array(f32) }, (acc, { n, factor, values }) => {
  for (const i of acc.uniformElements(n)) values[i] = values[i] * factor;
});

describe('the mock accelerator with serialKernelRunner', () => {
  it('runs a real kernel asynchronously over memory JavaScript cannot read', async () => {
    const device = Platform.of(mock.platform()).device(0);
    const queue = device.createQueue();
    const values = allocBuf(device, f32, 4);
    expect(() => values.hostArray()).toThrow(/JavaScript cannot read/);
    const onHost = allocBuf(host(), f32, 4);
    onHost.hostArray().set([1, 2, 3, 4]);
    memcpy(queue, values, onHost);
    await queue.exec(makeWorkDiv(acceleratorOf(mock, 1), 2, 2), scale, { n: 4, factor: 0.5, values });
    memcpy(queue, onHost, values);
    expect([...onHost.hostArray()]).toEqual([1, 2, 3, 4]); // nothing has run yet
    await queue.wait();
    expect([...onHost.hostArray()]).toEqual([0.5, 1, 1.5, 2]);
    expect(mock.statistics()).toMatchObject({ launches: 1, hostToDeviceCopies: 1, deviceToHostCopies: 1 });
  });

  for (const category of categories) {
    describe(`conformance › ${category}`, () => {
      for (const testCase of conformanceCases.filter((candidate) => candidate.category === category)) {
        it(testCase.name, () => testCase.run(context));
      }
    });
  }

  it("ran every launch of the suite through serial_sync's JavaScript emitter (the mock's memory is not in the host heap)", () => {
    const after = cpuLaunchCounts();
    expect(mock.statistics().launches).toBeGreaterThan(40);
    expect(after.javascript - before.javascript).toBe(mock.statistics().launches);
    expect(after.webassembly - before.webassembly).toBe(0);
  });
});
