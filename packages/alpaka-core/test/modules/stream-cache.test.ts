import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/event/event';
import * as global from '../../src/modules/global-modules';
import * as stream from '../../src/modules/stream-modules';
import { makeProcess, makeRegistry, runProcess } from '../scheduling/make-process';

const log: string[] = [];

/** A global module keeping a per-stream counter in its StreamCache. */
class CountingPerStream extends global.EDAnalyzer {
  override beginStream(streamID: number): void {
    this.setStreamCache(streamID, { events: 0 });
  }
  analyze(streamID: number, event: Event): void {
    const cache = this.streamCache<{ events: number }>(streamID);
    cache.events++;
    if (event.streamID() !== streamID) throw new Error('stream id mismatch');
  }
  override endStream(streamID: number): void {
    log.push(`global stream ${streamID}: ${this.streamCache<{ events: number }>(streamID).events}`);
  }
}

/** A stream module: beginStream/endStream once per instance, its own state. */
class StreamState extends stream.EDAnalyzer {
  #events = 0;
  #stream = -1;
  override beginStream(streamID: number): void {
    this.#stream = streamID;
  }
  analyze(): void {
    this.#events++;
  }
  override endStream(): void {
    log.push(`stream module ${this.#stream}: ${this.#events}`);
  }
}

describe('StreamCache and stream transitions', () => {
  it('gives global modules per-stream state and stream modules one instance per stream', async () => {
    log.length = 0;
    const description = makeProcess({
      maxEvents: 10,
      numberOfStreams: 2,
      modules: {
        g: { type: 'CountingPerStream', edmType: 'EDAnalyzer' },
        s: { type: 'StreamState', edmType: 'EDAnalyzer' },
      },
      paths: { p: ['g', 's'] },
    });
    await runProcess(description, makeRegistry(CountingPerStream, StreamState));
    const total = (prefix: string) =>
      log.filter((line) => line.startsWith(prefix)).reduce((sum, line) => sum + Number(line.split(': ')[1]), 0);
    expect(log.filter((line) => line.startsWith('global stream')).map((line) => line.split(':')[0])).toEqual([
      'global stream 0',
      'global stream 1',
    ]);
    expect(log.filter((line) => line.startsWith('stream module')).map((line) => line.split(':')[0])).toEqual([
      'stream module 0',
      'stream module 1',
    ]);
    expect(total('global stream')).toBe(10);
    expect(total('stream module')).toBe(10);
  });
});
