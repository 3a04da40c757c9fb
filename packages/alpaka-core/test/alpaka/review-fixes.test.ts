// What an independent review of the alpaka layer found, each pinned by a test that fails on the code before the
// fix: a consumer that took over a producer's queue drops it at the end of the event; a produce that throws after
// putting a device product still records its event; an end-of-event queue failure names its module; an explicit
// alpaka_<backend>:: type on a backend the job excluded is refused with 8035; `Name@alpaka` without
// ProcessAcceleratorAlpaka says what to add.
import { allocAsyncBuf, fill, i32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/alpaka/device/event';
import { EDMetadata } from '../../src/alpaka/ed-metadata';
import { global } from '../../src/alpaka/index';
import { ProcessAcceleratorAlpaka } from '../../src/alpaka/process-accelerator-alpaka';
import { cms } from '../../src/configuration/cms';
import { FrameworkError, isFrameworkError } from '../../src/errors/framework-error';
import type { EndOfEventWork } from '../../src/event/end-of-event-work';
import { ModuleRegistry } from '../../src/modules/module-registry';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';
import { alpakaTestRegistry } from './accelerator-test-modules';
import { CountsType, DeviceCounts, HostCounts, registerSemanticsMock, runtimeOf } from './semantics-test-modules';

const endEvent = async (work: EndOfEventWork[]) => {
  const pending = work.splice(0).map((item) => item.endOfEvent());
  await Promise.all(pending);
};

describe('EDMetadata: a consumer that took over the producer’s queue', () => {
  it('registers for the end of the event and drops the queue then, so a kept product cannot hand it out again', async () => {
    const mock = registerSemanticsMock();
    const runtime = runtimeOf(mock);
    const device = runtime.devices[0] as (typeof runtime.devices)[number];
    const work: EndOfEventWork[] = [];
    const producer = new EDMetadata(runtime, device, work);
    const queue = producer.queue();
    producer.recordEvent();
    const consumer = new EDMetadata(runtime, device, work);
    producer.synchronize(consumer);
    expect(consumer.queue()).toBe(queue);
    expect(work).toContain(consumer);
    await endEvent(work);
    expect(consumer.hasQueue).toBe(false);
    expect(producer.hasQueue).toBe(false);
    // The queue went back to the cache once, and the next taker gets it.
    expect(runtime.queueCache.get(device)).toBe(queue);
  });
});

/** Puts a device product, then throws: with IgnoreCompletely its consumers would read it. */
class PutThenThrow extends global.EDProducer {
  readonly #token = this.produces(CountsType);
  produce(_streamID: number, event: Event): void {
    const queue = event.queue();
    const values = allocAsyncBuf(queue, i32, 4);
    fill(queue, values, 3);
    event.put(this.#token, queue.device.isHost ? new HostCounts(values) : new DeviceCounts(values));
    throw new FrameworkError('NotFound', 'failed after its put');
  }
}

describe('a produce that throws after putting a device product', () => {
  it('still records its event, so consumers on other queues can wait for the work behind the product', async () => {
    const mock = registerSemanticsMock();
    const description = makeProcess({
      maxEvents: 3,
      modules: { producer: { type: `alpaka_${mock.name}::PutThenThrow` } },
      paths: { p: ['producer'] },
      exceptionActions: { ignoreCompletely: ['NotFound'] },
    });
    await runProcess(description, makeRegistry(PutThenThrow));
    expect(mock.statistics().eventRecords).toBe(3);
  });
});

describe('a queue failure found at the end of the event', () => {
  it("names the module whose queue it was (CMSSW's `Calling method for module T/'label'`)", async () => {
    const mock = registerSemanticsMock();
    class FailsOnQueue extends global.EDProducer {
      produce(_streamID: number, event: Event): void {
        event.queue().enqueue(() => {
          throw new Error('the queue work failed');
        });
      }
    }
    const type = `alpaka_${mock.name}::FailsOnQueue`;
    const description = makeProcess({ maxEvents: 1, modules: { failing: { type } }, paths: { p: ['failing'] } });
    const error = await runProcess(description, makeRegistry(FailsOnQueue)).catch((thrown: unknown) => thrown);
    expect(isFrameworkError(error)).toBe(true);
    const explained = (error as FrameworkError).explainSelf();
    expect(explained).toContain(`Calling method for module ${type}/'failing'`);
    expect(explained).toContain('the queue work failed');
  });
});

describe('explicit alpaka_<backend>:: types and the job’s accelerators', () => {
  it("an explicit type on a backend the job excluded (accelerators ['cpu'], a GPU-like mock installed) is 8035", async () => {
    const mock = registerSemanticsMock();
    const process = cms.Process('TEST');
    process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka();
    process.source = cms.Source('EmptySource');
    process.options = { accelerators: cms.untracked.vstring('cpu') };
    process.producer = cms.EDProducer(`alpaka_${mock.name}::AlpakaTestProducer`, { value: cms.int32(1) });
    process.p = cms.Path(process.producer);
    const failure = await createEventProcessor(process.toDescription(), {
      registry: alpakaTestRegistry(mock.name, 'serial_sync'),
    }).catch((thrown: unknown) => thrown);
    expect(isFrameworkError(failure)).toBe(true);
    expect((failure as FrameworkError).exitCode).toBe(8035);
    expect((failure as FrameworkError).message).toContain(
      `Module producer has the type alpaka_${mock.name}::AlpakaTestProducer, whose Alpaka backend ${mock.name} is not available for the job`,
    );
  });

  it('an explicit alpaka_serial_sync:: type on a cpu job is fine', async () => {
    const process = cms.Process('TEST');
    process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka();
    process.source = cms.Source('EmptySource');
    process.options = { accelerators: cms.untracked.vstring('cpu') };
    process.producer = cms.EDProducer('alpaka_serial_sync::AlpakaTestProducer', { value: cms.int32(1) });
    process.p = cms.Path(process.producer);
    const processor = await createEventProcessor(process.toDescription(), {
      registry: alpakaTestRegistry('serial_sync'),
    });
    expect(processor.description.modules.get('producer')?.type).toBe('alpaka_serial_sync::AlpakaTestProducer');
  });
});

describe('the registry on a `Name@alpaka` it cannot resolve', () => {
  it('says to add ProcessAcceleratorAlpaka, or to name a backend', () => {
    const message = new ModuleRegistry().unknownTypeError('HitProducer@alpaka').message;
    expect(message).toContain('process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka()');
    expect(message).toContain('alpaka_serial_sync::HitProducer');
  });
});

describe('a queue failure found at the end of the event and the exception actions', () => {
  it('IgnoreCompletely lets the job go on, TryToContinue skips the event, Rethrow (the default) stops the job', async () => {
    const mock = registerSemanticsMock();
    class FailsInItsQueue extends global.EDProducer {
      produce(_streamID: number, event: Event): void {
        event.queue().enqueue(() => {
          // A queue reports work that threw as a KernelExecutionError: a std::exception (StdException) to the framework.
          throw new Error('the queue work failed');
        });
      }
    }
    const job = (actions: Parameters<typeof makeProcess>[0]['exceptionActions']) =>
      makeProcess({
        maxEvents: 3,
        modules: { failing: { type: `alpaka_${mock.name}::FailsInItsQueue` } },
        paths: { p: ['failing'] },
        ...(actions === undefined ? {} : { exceptionActions: actions }),
      });
    const ignored = await runProcess(job({ ignoreCompletely: ['StdException'] }), makeRegistry(FailsInItsQueue));
    expect(ignored.triggerReport()).toMatchObject({ eventsTotal: 3, eventsFailed: 0 });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const skipped = await runProcess(job({ tryToContinue: ['StdException'] }), makeRegistry(FailsInItsQueue));
      expect(skipped.triggerReport()).toMatchObject({ eventsTotal: 3, eventsFailed: 3 });
    } finally {
      console.warn = warn;
    }
    await expect(runProcess(job(undefined), makeRegistry(FailsInItsQueue))).rejects.toThrow('the queue work failed');
  });
});
