import { describe, expect, it } from 'vitest';
import { formatEventID } from '../../src/event/event-id';
import { EventRange } from '../../src/event/event-range';
import { LuminosityBlockRange } from '../../src/event/luminosity-block-range';
import { ParameterSet } from '../../src/parameter-set/parameter-set';
import { EmptySource } from '../../src/sources/empty-source';
import { EventSkipperByID } from '../../src/sources/event-skipper-by-id';
import { type EventNumbering, generatedEventID } from '../../src/sources/generated-event-numbers';

// EmptySource jumps over what its ranges leave out instead of generating it; whatever the ranges and the
// numbering, it must hand out exactly what generating every event and filtering it would (checked against that,
// over the first 400 generated events, for random small configurations from a fixed seed).
let seed = 12345;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const end = (value: number) => (random(4) === 0 ? 'max' : String(value));
const eventRange = () => {
  const [run, first, lumi] = [1 + random(3), 1 + random(12), 1 + random(4)];
  return random(2) === 0
    ? EventRange.parse(`${run}:${lumi}:${first}-${run}:${lumi + random(2)}:${end(first + random(10))}`)
    : EventRange.parse(`${run}:${first}-${run + random(2)}:${end(first + random(10))}`);
};
const blockRange = () => {
  const [run, first] = [1 + random(3), 1 + random(4)];
  return LuminosityBlockRange.parse(`${run}:${first}-${run + random(2)}:${end(first + random(3))}`);
};

function configuration() {
  const numbering: EventNumbering = {
    firstRun: 1 + random(2),
    firstLuminosityBlock: 1 + random(2),
    firstEvent: 1 + random(3),
    eventsInRun: random(3) === 0 ? 0 : 3 + random(6),
    eventsInLuminosityBlock: random(3) === 0 ? 0 : 1 + random(3),
  };
  const set = new ParameterSet();
  set.addUntrackedParameter('firstRun', 'uint32', numbering.firstRun);
  set.addUntrackedParameter('firstLuminosityBlock', 'uint32', numbering.firstLuminosityBlock);
  set.addUntrackedParameter('firstEvent', 'uint32', numbering.firstEvent);
  set.addUntrackedParameter('numberEventsInRun', 'uint32', numbering.eventsInRun);
  set.addUntrackedParameter('numberEventsInLuminosityBlock', 'uint32', numbering.eventsInLuminosityBlock);
  const skipEvents = random(3);
  set.addUntrackedParameter('skipEvents', 'uint32', skipEvents);
  const ranges: Record<string, readonly { encode(): string }[]> = {};
  if (random(2)) ranges.eventsToProcess = Array.from({ length: 1 + random(2) }, eventRange);
  if (random(3) === 0) ranges.eventsToSkip = Array.from({ length: 1 + random(2) }, eventRange);
  if (random(3) === 0) ranges.lumisToProcess = Array.from({ length: 1 + random(2) }, blockRange);
  if (random(3) === 0) ranges.lumisToSkip = Array.from({ length: 1 + random(2) }, blockRange);
  for (const [name, list] of Object.entries(ranges))
    set.addUntrackedParameter(name, name.startsWith('events') ? 'VEventRange' : 'VLuminosityBlockRange', list as never);
  const text = JSON.stringify({
    numbering,
    skipEvents,
    ranges: Object.fromEntries(Object.entries(ranges).map(([name, list]) => [name, list.map((r) => r.encode())])),
  });
  return { numbering, set, skipEvents, text, processes: 'eventsToProcess' in ranges || 'lumisToProcess' in ranges };
}

describe('EmptySource with ranges', () => {
  it('hands out what generating every event and filtering by the ranges would, for 1500 configurations', () => {
    for (let trial = 0; trial < 1500; trial++) {
      const { numbering, set, skipEvents, text, processes } = configuration();
      const skipper = new EventSkipperByID(set, false);
      const filtered: string[] = [];
      let toSkip = skipEvents;
      for (let index = 0; index < 400; index++) {
        const id = generatedEventID(numbering, index);
        if (skipper.hasRanges && skipper.skips(id)) continue;
        if (toSkip > 0) toSkip--;
        else filtered.push(formatEventID(id));
      }
      const source = new EmptySource(set);
      const handedOut: string[] = [];
      try {
        for (let next = source.next(); next !== undefined && handedOut.length < 60; next = source.next())
          handedOut.push(formatEventID(next.id));
      } catch (error) {
        // Only ranges that keep nothing are refused.
        expect((error as Error).message, text).toContain('EmptySource generates no event inside its ranges');
        expect(filtered, text).toEqual([]);
        continue;
      }
      const compared = processes && handedOut.length < 60 ? filtered.length : handedOut.length;
      expect(handedOut, text).toEqual(filtered.slice(0, compared));
    }
  });
});
