/**
 * CMSSW's edm::EventID: run, luminosity block and event number. Event numbers are 64-bit in CMSSW; here a
 * number (exact up to 2^53, far beyond any job).
 */
export interface EventID {
  readonly run: number;
  readonly luminosityBlock: number;
  readonly event: number;
}

export function makeEventID(run: number, luminosityBlock: number, event: number): EventID {
  return Object.freeze({ run, luminosityBlock, event });
}

/** As CMSSW prints an EventID: `run: 1 lumi: 1 event: 891`. */
export function formatEventID(id: EventID): string {
  return `run: ${id.run} lumi: ${id.luminosityBlock} event: ${id.event}`;
}

/** Orders EventIDs as CMSSW does: by run, then luminosity block, then event. */
export function compareEventIDs(a: EventID, b: EventID): number {
  return a.run - b.run || a.luminosityBlock - b.luminosityBlock || a.event - b.event;
}
