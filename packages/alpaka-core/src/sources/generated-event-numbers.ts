import { type EventID, makeEventID } from '../event/event-id';

/** How EmptySource numbers its events (IDGeneratorSourceBase's parameters). */
export interface EventNumbering {
  readonly firstRun: number;
  readonly firstLuminosityBlock: number;
  readonly firstEvent: number;
  /** Events in each run before the next begins; 0: one run for ever. */
  readonly eventsInRun: number;
  /** Events in each luminosity block before the next begins; 0: one luminosity block per run. */
  readonly eventsInLuminosityBlock: number;
}

/**
 * The ID of the generated event number `index` (0 for the first) in O(1), so a source can jump to a batch job's
 * range instead of counting up to it: the first run starts at firstEvent, later ones at event 1; each run starts
 * at firstLuminosityBlock and moves on every eventsInLuminosityBlock events.
 */
export function generatedEventID(numbering: EventNumbering, index: number): EventID {
  const { eventsInRun, eventsInLuminosityBlock } = numbering;
  const runOffset = eventsInRun > 0 ? Math.floor(index / eventsInRun) : 0;
  const inRun = eventsInRun > 0 ? index % eventsInRun : index;
  const event = runOffset === 0 ? numbering.firstEvent + inRun : 1 + inRun;
  const lumiOffset = eventsInLuminosityBlock > 0 ? Math.floor(inRun / eventsInLuminosityBlock) : 0;
  return makeEventID(numbering.firstRun + runOffset, numbering.firstLuminosityBlock + lumiOffset, event);
}

/**
 * The first generated index whose ID is not before `target` (run, luminosity block (0: any), event; events come
 * in run, lumi, event order), or undefined when no generated event ever reaches it (a later run when there is
 * only one). A lower bound where the target falls between two generated IDs: the caller checks the ID it finds.
 */
export function firstIndexAtOrAfter(
  numbering: EventNumbering,
  target: { readonly run: number; readonly luminosityBlock: number; readonly event: number },
): number | undefined {
  const { eventsInRun, eventsInLuminosityBlock } = numbering;
  if (target.run < numbering.firstRun) return 0;
  const runOffset = target.run - numbering.firstRun;
  if (eventsInRun === 0 && runOffset > 0) return undefined;
  const runStart = runOffset * eventsInRun;
  const nextRun = () => (eventsInRun > 0 ? runStart + eventsInRun : undefined);
  const firstEventOfRun = runOffset === 0 ? numbering.firstEvent : 1;
  let inRun = Math.max(0, target.event - firstEventOfRun);
  if (target.luminosityBlock > numbering.firstLuminosityBlock) {
    if (eventsInLuminosityBlock === 0) return nextRun();
    inRun = Math.max(inRun, (target.luminosityBlock - numbering.firstLuminosityBlock) * eventsInLuminosityBlock);
  }
  if (eventsInRun > 0 && inRun >= eventsInRun) return nextRun();
  return runStart + inRun;
}
