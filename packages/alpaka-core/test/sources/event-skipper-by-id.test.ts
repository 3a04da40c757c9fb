import { describe, expect, it } from 'vitest';
import { makeEventID } from '../../src/event/event-id';
import { EventRange } from '../../src/event/event-range';
import { LuminosityBlockRange } from '../../src/event/luminosity-block-range';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { EventSkipperByID } from '../../src/sources/event-skipper-by-id';

function skipper(fill: (set: ParameterSet) => void, withFirst = true): EventSkipperByID {
  const set = new ParameterSet();
  fill(set);
  return new EventSkipperByID(set, withFirst);
}

const kept = (skip: EventSkipperByID, ids: readonly [number, number, number][]) =>
  ids.filter(([run, lumi, event]) => !skip.skips(makeEventID(run, lumi, event))).map((id) => id.join(':'));

describe('EventSkipperByID', () => {
  const ids: [number, number, number][] = [
    [16, 1, 1],
    [17, 2, 5],
    [17, 3, 5],
    [17, 3, 6],
    [17, 4, 1],
    [18, 1, 1],
  ];

  it("skips what is before firstRun:firstLuminosityBlock:firstEvent, as PoolSource's testRunMerge does", () => {
    const skip = skipper((set) => {
      set.addUntrackedParameter('firstRun', 'uint32', 17);
      set.addUntrackedParameter('firstLuminosityBlock', 'uint32', 3);
      set.addUntrackedParameter('firstEvent', 'uint32', 6);
    });
    // Event 1 of lumi 17:4 stays: firstEvent applies only in the first luminosity block.
    expect(kept(skip, ids)).toEqual(['17:3:6', '17:4:1', '18:1:1']);
  });

  it('with firstLuminosityBlock 0 applies firstEvent to the whole first run', () => {
    const skip = skipper((set) => {
      set.addUntrackedParameter('firstRun', 'uint32', 17);
      set.addUntrackedParameter('firstEvent', 'uint32', 5);
    });
    expect(kept(skip, ids)).toEqual(['17:2:5', '17:3:5', '17:3:6', '18:1:1']);
  });

  it('keeps only the events and blocks of the ...ToProcess ranges, less the ...ToSkip ones', () => {
    const skip = skipper((set) => {
      set.addUntrackedParameter('lumisToProcess', 'VLuminosityBlockRange', [LuminosityBlockRange.parse('17:1-17:3')]);
      set.addUntrackedParameter('eventsToSkip', 'VEventRange', [EventRange.parse('17:3:5')]);
    });
    expect(kept(skip, ids)).toEqual(['17:2:5', '17:3:6']);
    const byEvents = skipper((set) => {
      set.addUntrackedParameter('eventsToProcess', 'VEventRange', [EventRange.parse('17:5-17:6')]);
      set.addUntrackedParameter('lumisToSkip', 'VLuminosityBlockRange', [LuminosityBlockRange.parse('17:2')]);
    });
    expect(kept(byEvents, ids)).toEqual(['17:3:5', '17:3:6']);
    expect(byEvents.isPastEnd(makeEventID(17, 9, 6))).toBe(false);
    expect(byEvents.isPastEnd(makeEventID(17, 9, 7))).toBe(true);
  });

  it('leaves firstRun and the like to a generating source, which numbers its events from them', () => {
    const skip = skipper((set) => set.addUntrackedParameter('firstRun', 'uint32', 17), false);
    expect(kept(skip, ids)).toHaveLength(ids.length);
  });

  it('refuses ranges given as another type, naming the parameter and the type to use', () => {
    expect(() => skipper((set) => set.addUntrackedParameter('eventsToProcess', 'vstring', ['1:1-1:5']))).toThrow(
      "Source parameter 'eventsToProcess' must be an untracked VEventRange (cms.untracked.VEventRange('1:1-1:100')), got untracked vstring.",
    );
  });
});
