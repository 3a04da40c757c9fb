import { describe, expect, it } from 'vitest';
import { makeEventID } from '../../src/event/event-id';
import { ActivityRegistry } from '../../src/scheduling/activity-registry';
import {
  connectEventProgressLines,
  formatBeginProcessingLine,
  isReportedRecord,
  nextReportedRecord,
  ordinal,
} from '../../src/services/event-progress-lines';
import { resolveProgressMode, startProgress } from '../../src/services/progress';
import { CapturedOutput } from '../cli/fake-event-processor';

const date = new Date(Date.UTC(2026, 11, 1, 22, 15, 11, 123));

describe('the per-event progress lines', () => {
  it('write ordinals as CMSSW does', () => {
    const cases: Array<[number, string]> = [
      [1, '1st'],
      [2, '2nd'],
      [3, '3rd'],
      [4, '4th'],
      [11, '11th'],
      [12, '12th'],
      [13, '13th'],
      [21, '21st'],
      [22, '22nd'],
      [23, '23rd'],
      [101, '101st'],
      [111, '111th'],
      [112, '112th'],
      [1000, '1000th'],
    ];
    expect(cases.map(([value]) => ordinal(value))).toEqual(cases.map(([, text]) => text));
  });

  it("read like CMSSW's framework report", () => {
    expect(formatBeginProcessingLine(1, makeEventID(1, 2, 3), date)).toBe(
      'Begin processing the 1st record. Run 1, Event 3, LumiSection 2 at 01-Dec-2026 22:15:11.123 UTC',
    );
  });

  it('report the first ten records, then every 10^k', () => {
    const reported = [];
    for (let record = 1; record <= 2500; record++) if (isReportedRecord(record)) reported.push(record);
    expect(reported).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000,
      2000,
    ]);
  });

  it('step from one reported record to the next as isReportedRecord says', () => {
    let record = 1;
    const stepped = [1];
    while (record < 50_000) {
      record = nextReportedRecord(record);
      stepped.push(record);
    }
    const reported = [];
    for (let candidate = 1; candidate <= 50_000; candidate++) if (isReportedRecord(candidate)) reported.push(candidate);
    expect(stepped).toEqual(reported);
  });

  it('are driven by preEvent, counting records over the job', () => {
    const registry = new ActivityRegistry();
    const output = new CapturedOutput();
    const disconnect = connectEventProgressLines(registry, output, () => date);
    for (let event = 1; event <= 12; event++) {
      registry.preEvent.emit({ stream: event % 2, eventID: makeEventID(1, 1, 100 + event) });
    }
    disconnect();
    registry.preEvent.emit({ stream: 0, eventID: makeEventID(1, 1, 999) });
    expect(output.lines).toHaveLength(10);
    expect(output.lines[1]).toBe(
      'Begin processing the 2nd record. Run 1, Event 102, LumiSection 1 at 01-Dec-2026 22:15:11.123 UTC',
    );
    expect(output.lines[9]).toMatch(/^Begin processing the 10th record\. Run 1, Event 110,/);
  });
});

describe('the progress mode', () => {
  it('is a bar on a terminal and lines elsewhere when auto', () => {
    expect(resolveProgressMode('auto', true)).toBe('bar');
    expect(resolveProgressMode('auto', false)).toBe('lines');
    expect(resolveProgressMode('lines', true)).toBe('lines');
    expect(resolveProgressMode('bar', false)).toBe('bar');
  });

  it("'none' prints nothing", () => {
    const registry = new ActivityRegistry();
    const output = new CapturedOutput();
    const stop = startProgress(registry, { mode: 'none', isTerminal: false, stream: output, totalEvents: 5 });
    registry.preEvent.emit({ stream: 0, eventID: makeEventID(1, 1, 1) });
    registry.postEvent.emit({ stream: 0, eventID: makeEventID(1, 1, 1) });
    stop();
    expect(output.text).toBe('');
    expect(registry.preEvent.connected).toBe(false);
  });

  it('a bar shows events, events/s and the ETA, and lets go of the signals when stopped', () => {
    const registry = new ActivityRegistry();
    const output = new CapturedOutput();
    const stop = startProgress(registry, { mode: 'bar', isTerminal: false, stream: output, totalEvents: 4 });
    for (let event = 1; event <= 4; event++) registry.postEvent.emit({ stream: 0, eventID: makeEventID(1, 1, event) });
    stop();
    expect(output.text).toMatch(/4\/4 events \| [\d.e+]+ events\/s \| ETA: /);
    expect(registry.postEvent.connected).toBe(false);
  });
});
