import { describe, expect, it } from 'vitest';
import { makeEventID } from '../../src/event/event-id';
import { EventRange } from '../../src/event/event-range';
import { LuminosityBlockRange } from '../../src/event/luminosity-block-range';

describe('EventRange', () => {
  it('parses run:event ranges, which ignore the luminosity block, and run:lumi:event ranges, which do not', () => {
    const byEvent = EventRange.parse('1:5-1:7');
    expect([byEvent.startRun, byEvent.startLuminosityBlock, byEvent.startEvent]).toEqual([1, 0, 5]);
    expect(byEvent.contains(makeEventID(1, 9, 5))).toBe(true);
    expect(byEvent.contains(makeEventID(1, 1, 7))).toBe(true);
    expect(byEvent.contains(makeEventID(1, 1, 8))).toBe(false);
    expect(byEvent.contains(makeEventID(2, 1, 6))).toBe(false);
    const withLumi = EventRange.parse(' 1:2:5 - 1:3:1 ');
    expect(withLumi.contains(makeEventID(1, 2, 900))).toBe(true);
    expect(withLumi.contains(makeEventID(1, 3, 1))).toBe(true);
    expect(withLumi.contains(makeEventID(1, 3, 2))).toBe(false);
    expect(withLumi.contains(makeEventID(1, 1, 6))).toBe(false);
  });

  it('reads a single ID as the range of that event, max as no limit and min or 0 as 1', () => {
    expect(EventRange.parse('3:4').contains(makeEventID(3, 1, 4))).toBe(true);
    expect(EventRange.parse('3:4').contains(makeEventID(3, 1, 5))).toBe(false);
    const open = EventRange.parse('1:min-2:max');
    expect(open.startEvent).toBe(1);
    expect(open.endEvent).toBe(0);
    expect(open.contains(makeEventID(2, 1, 2 ** 40))).toBe(true);
    expect(open.contains(makeEventID(3, 1, 1))).toBe(false);
    expect(EventRange.parse('1:0-1:2').startEvent).toBe(1);
    expect(open.encode()).toBe('1:1-2:max');
    expect(EventRange.parse('1:2:3').encode()).toBe('1:2:3');
  });

  it('tells when a range is wholly behind an event, so that a generating source can stop', () => {
    const range = EventRange.parse('1:26-1:50');
    expect(range.endsBefore(makeEventID(1, 1, 50))).toBe(false);
    expect(range.endsBefore(makeEventID(1, 1, 51))).toBe(true);
    expect(EventRange.parse('1:1-1:max').endsBefore(makeEventID(1, 7, 10 ** 9))).toBe(false);
    expect(EventRange.parse('1:1-1:max').endsBefore(makeEventID(2, 1, 1))).toBe(true);
  });

  it.each([
    ['1', 'same form'],
    ['1:2-3', 'same form'],
    ['1:2:3-1:4', 'same form'],
    ['1:x', "'x' is not a number"],
    ['1:5-1:4', 'ends before it starts'],
    ['2:1-1:9', 'ends before it starts'],
    ['1:1-', "write 'run:event'"],
    ['1:1-2:2-3:3', "write 'run:event'"],
    ['1:max-1:5', 'ends before it starts'],
  ])('refuses %s, saying why', (text, why) => {
    expect(() => EventRange.parse(text)).toThrow(why);
    expect(() => EventRange.parse(text)).toThrow(`"${text}" is not an EventRange`);
  });
});

describe('LuminosityBlockRange', () => {
  it('contains the blocks between its ends, max meaning the whole end run', () => {
    const range = LuminosityBlockRange.parse('1:3-2:max');
    expect(range.contains({ run: 1, luminosityBlock: 2 })).toBe(false);
    expect(range.contains({ run: 1, luminosityBlock: 3 })).toBe(true);
    expect(range.contains({ run: 2, luminosityBlock: 10 ** 6 })).toBe(true);
    expect(range.contains({ run: 3, luminosityBlock: 1 })).toBe(false);
    expect(range.endsBefore({ run: 3, luminosityBlock: 1 })).toBe(true);
    expect(range.encode()).toBe('1:3-2:max');
    // As cms.LuminosityBlockRange: a start of 0 is 1, an end of 0 is no limit.
    expect(LuminosityBlockRange.parse('4:0').encode()).toBe('4:1-4:max');
  });

  it('refuses malformed and reversed ranges', () => {
    expect(() => LuminosityBlockRange.parse('1:2:3')).toThrow("each end is 'run:lumi'");
    expect(() => LuminosityBlockRange.parse('1:5-1:4')).toThrow('ends before it starts');
    expect(() => LuminosityBlockRange.parse('a:1')).toThrow('"a:1" is not a LuminosityBlockRange');
  });
});
