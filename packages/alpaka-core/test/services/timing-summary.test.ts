import { describe, expect, it } from 'vitest';
import { makeEventID } from '../../src/event/event-id';
import { ActivityRegistry, type ModuleCallKind } from '../../src/scheduling/activity-registry';
import { TimingSummary } from '../../src/services/timing-summary';

describe('the per-module timing summary', () => {
  it('adds up acquire and produce apart, per module, ignoring transitions that are not per event', () => {
    const registry = new ActivityRegistry();
    let now = 0;
    const summary = new TimingSummary(registry, { nowNanoseconds: () => now });
    const call = (label: string, kind: ModuleCallKind, stream: number, nanoseconds: number) => {
      const context = { moduleLabel: label, moduleType: `${label}Type`, kind, stream, eventID: makeEventID(1, 1, 1) };
      registry.preModule.emit(context);
      now += nanoseconds;
      registry.postModule.emit(context);
    };
    call('fetcher', 'beginJob', -1, 1_000_000_000);
    call('fetcher', 'acquire', 0, 2_000_000);
    call('fetcher', 'acquire', 1, 4_000_000);
    call('fetcher', 'event', 0, 1_000_000);
    call('fetcher', 'event', 1, 1_000_000);
    call('analyzer', 'event', 0, 2_000_000);
    expect(summary.timings()).toEqual([
      { label: 'fetcher', type: 'fetcherType', call: 'acquire', calls: 2, totalNanoseconds: 6_000_000 },
      { label: 'analyzer', type: 'analyzerType', call: 'event', calls: 1, totalNanoseconds: 2_000_000 },
      { label: 'fetcher', type: 'fetcherType', call: 'event', calls: 2, totalNanoseconds: 2_000_000 },
    ]);
    const table = summary.format();
    expect(table).toContain('TimeReport ---------- Module Summary');
    const fetcherAcquire = table.split('\n').find((line) => line.includes('fetcher') && line.includes('acquire')) ?? '';
    expect(fetcherAcquire.split('│').map((cell) => cell.trim())).toEqual([
      '',
      'fetcher',
      'fetcherType',
      'acquire',
      '2',
      '0.006000',
      '3000.000',
      '60.0%',
      '',
    ]);
    summary.disconnect();
    expect(registry.preModule.connected).toBe(false);
  });

  it('keeps overlapping calls of two streams apart', () => {
    const registry = new ActivityRegistry();
    let now = 0;
    const summary = new TimingSummary(registry, { nowNanoseconds: () => now });
    const context = (stream: number) => ({
      moduleLabel: 'm',
      moduleType: 'M',
      kind: 'acquire' as const,
      stream,
      eventID: makeEventID(1, 1, stream + 1),
    });
    registry.preModule.emit(context(0)); // at 0
    now = 10;
    registry.preModule.emit(context(1)); // at 10
    now = 30;
    registry.postModule.emit(context(0)); // 30
    now = 35;
    registry.postModule.emit(context(1)); // 25
    expect(summary.timings()[0]?.totalNanoseconds).toBe(55);
  });
});
