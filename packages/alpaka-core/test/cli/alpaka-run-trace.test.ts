import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAlpakaRun } from '../../src/cli/run-alpaka-run';
import type { TraceEvent } from '../../src/services/trace-writer';
import { type Harness, makeHarness } from './fake-event-processor';

function run(harness: Harness, argv: string[]): Promise<number> {
  return runAlpakaRun(
    argv,
    { stdout: harness.stdout, stderr: harness.stderr, isTerminal: false, clock: harness.clock },
    harness.dependencies,
  );
}

const modules = [
  { label: 'fetcher', type: 'ExternalFetcher', externalWork: true },
  { label: 'producer', type: 'IntProducer' },
];

async function readTrace(file: string): Promise<TraceEvent[]> {
  return (JSON.parse(await readFile(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

describe('alpaka-run --trace', () => {
  it('writes a track per stream with acquire and produce slices apart', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'alpaka-run-trace-'));
    const file = join(folder, 'job.json');
    const harness = makeHarness({ behaviour: { modules } });
    expect(
      await run(harness, [
        'config.ts',
        '--numberOfStreams',
        '3',
        '--maxEvents',
        '6',
        '--progress',
        'none',
        '--trace',
        file,
      ]),
    ).toBe(0);
    const events = await readTrace(file);
    const names = new Map(
      events.filter((event) => event.name === 'thread_name').map((event) => [event.tid, event.args?.name]),
    );
    const slices = events.filter((event) => event.ph === 'X');
    const streamTracks = new Set(slices.filter((slice) => slice.cat === 'event').map((slice) => names.get(slice.tid)));
    expect([...streamTracks].sort()).toEqual(['stream 0', 'stream 1', 'stream 2']);
    expect(slices.filter((slice) => slice.name === 'fetcher acquire')).toHaveLength(6);
    expect(slices.filter((slice) => slice.name === 'fetcher' && slice.cat === 'event')).toHaveLength(6);
    expect(slices.filter((slice) => slice.name === 'producer')).toHaveLength(6);
    // Synchronous calls nest: nothing spills to an overlapping track.
    expect([...names.values()].some((name) => String(name).includes('overlapping'))).toBe(false);
  });

  it('is written, complete JSON, with what happened before a job failed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'alpaka-run-trace-'));
    const file = join(folder, 'failed.json');
    const harness = makeHarness({ behaviour: { modules, failAtEvent: { event: 3, error: new Error('boom') } } });
    expect(await run(harness, ['config.ts', '--maxEvents', '10', '--progress', 'none', '--trace', file])).toBe(8002);
    const events = await readTrace(file);
    expect(events.filter((event) => event.cat === 'event' && event.name.startsWith('event '))).toHaveLength(2);
    expect(await readdir(folder)).toEqual(['failed.json']);
  });

  it('fails a job that succeeded otherwise with FileWriteError (8033) when the file cannot be written', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'alpaka-run-trace-'));
    const harness = makeHarness({ behaviour: { modules } });
    const file = join(folder, 'no-such-folder', 'trace.json');
    expect(await run(harness, ['config.ts', '--maxEvents', '2', '--progress', 'none', '--trace', file])).toBe(8033);
    expect(harness.stderr.text).toContain("An exception of category 'FileWriteError'");
    expect(harness.stdout.lines.at(-1)).toMatch(/^Processed 2 events in /);
    expect(await readdir(folder)).toEqual([]);
  });
});
