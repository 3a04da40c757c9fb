import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEventID } from '../../src/event/event-id';
import { ActivityRegistry, type ModuleCallKind } from '../../src/scheduling/activity-registry';
import { type TraceEvent, TraceWriter } from '../../src/services/trace-writer';

function tracedJob() {
  const registry = new ActivityRegistry();
  let now = 1_000_000;
  const writer = new TraceWriter(registry, { nowNanoseconds: () => now });
  const call = (label: string, kind: ModuleCallKind, stream: number, event: number) => {
    const context = { moduleLabel: label, moduleType: 'T', kind, stream, eventID: makeEventID(1, 1, event) };
    registry.preModule.emit(context);
    now += 1000;
    registry.postModule.emit(context);
  };
  for (let event = 1; event <= 4; event++) {
    const stream = (event - 1) % 2;
    const eventID = makeEventID(1, 1, event);
    registry.preEvent.emit({ stream, eventID });
    call('fetcher', 'acquire', stream, event);
    call('fetcher', 'event', stream, event);
    now += 500;
    registry.postEvent.emit({ stream, eventID });
  }
  call('fetcher', 'endJob', -1, 0);
  registry.deviceWork.emit({
    queueName: 'cuda:0/1',
    what: 'kernel',
    startNanoseconds: 1_002_000n,
    endNanoseconds: 1_003_000n,
  });
  registry.deviceWork.emit({
    queueName: 'cuda:0/2',
    what: 'copy',
    startNanoseconds: 1_002_500n,
    endNanoseconds: 1_004_000n,
  });
  return { registry, writer };
}

const threadNames = (events: readonly TraceEvent[]) =>
  new Map(events.filter((event) => event.name === 'thread_name').map((event) => [event.tid, event.args?.name]));

describe('the trace writer', () => {
  it('puts one track per stream, one for global transitions and one per device queue', () => {
    const { writer } = tracedJob();
    const events = writer.traceEvents();
    expect([...threadNames(events).values()].sort()).toEqual([
      'global transitions',
      'queue cuda:0/1',
      'queue cuda:0/2',
      'stream 0',
      'stream 1',
    ]);
    const slices = events.filter((event) => event.ph === 'X');
    const names = threadNames(events);
    const onStream0 = slices.filter((slice) => names.get(slice.tid) === 'stream 0').map((slice) => slice.name);
    expect(onStream0).toEqual([
      'event 1:1:1',
      'fetcher acquire',
      'fetcher',
      'event 1:1:3',
      'fetcher acquire',
      'fetcher',
    ]);
    const acquire = slices.find((slice) => slice.name === 'fetcher acquire');
    expect(acquire).toMatchObject({
      cat: 'acquire',
      ts: 0,
      dur: 1,
      pid: 1,
      args: { run: 1, luminosityBlock: 1, event: 1 },
    });
    const kernel = slices.find((slice) => slice.name === 'kernel');
    expect(kernel).toMatchObject({ cat: 'device', ts: 2, dur: 1 });
    expect(names.get(kernel?.tid ?? -1)).toBe('queue cuda:0/1');
  });

  it('moves calls of one stream that overlap without nesting to an extra track of that stream', () => {
    const registry = new ActivityRegistry();
    let now = 0;
    const writer = new TraceWriter(registry, { nowNanoseconds: () => now });
    const context = (label: string) => ({
      moduleLabel: label,
      moduleType: 'T',
      kind: 'acquire' as const,
      stream: 0,
      eventID: makeEventID(1, 1, 1),
    });
    registry.preModule.emit(context('a'));
    now = 1000;
    registry.preModule.emit(context('b'));
    now = 2000;
    registry.postModule.emit(context('a'));
    now = 3000;
    registry.postModule.emit(context('b'));
    const events = writer.traceEvents();
    const names = threadNames(events);
    const tidOf = (name: string) => events.find((event) => event.name === name)?.tid ?? -1;
    expect(names.get(tidOf('a acquire'))).toBe('stream 0');
    expect(names.get(tidOf('b acquire'))).toBe('stream 0 (overlapping 1)');
  });

  it('writes valid JSON in the trace-event format, replacing the target atomically', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'alpaka-trace-'));
    const { writer } = tracedJob();
    const file = join(folder, 'trace.json');
    await writer.write(file);
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { traceEvents: TraceEvent[] };
    expect(parsed.traceEvents).toEqual(JSON.parse(JSON.stringify(writer.traceEvents())));
    expect(await readdir(folder)).toEqual(['trace.json']);
  });

  it('leaves no file when the write fails', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'alpaka-trace-'));
    const { writer } = tracedJob();
    // A folder where the file should go: the rename fails after the temporary file was written.
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(folder, 'trace.json'));
    await expect(writer.write(join(folder, 'trace.json'))).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['trace.json']);
    await expect(writer.write(join(folder, 'missing', 'trace.json'))).rejects.toThrow(/ENOENT/);
  });
});
