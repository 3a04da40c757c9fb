/**
 * Work an event leaves behind that its stream must see finished before it starts its next event: CMSSW's
 * `~DeviceProduct` waits on its EDMetadata's event when the event's products are deleted, which is what makes
 * "the EDM stream does not proceed to the next event until all asynchronous work of the current event has
 * finished" hold. JavaScript has no destructors, so the alpaka layer registers its per-event metadata with the
 * event's principal and the stream calls `endOfEvent()` on each once the event's modules are done.
 */
export interface EndOfEventWork {
  /** Undefined when nothing is outstanding; else a promise that settles once it is (a rejection fails the event). */
  endOfEvent(): Promise<void> | undefined;
}
