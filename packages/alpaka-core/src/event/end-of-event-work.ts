import { FrameworkError } from '../errors/framework-error';
import { Event, eventPrincipalOf } from './event';

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

/**
 * Registers work the event's stream must see finished before its next event (an integration layer's products:
 * CUDA's cms::cuda::Product, whose destructor waits on its event in CMSSW). Called while the event is processed;
 * the stream calls `endOfEvent()` once the event's modules are done.
 */
export function registerEndOfEventWork(event: Event, work: EndOfEventWork): void {
  if (!(event instanceof Event))
    throw new FrameworkError(
      'LogicError',
      'registerEndOfEventWork takes the Event a module was given (produce, acquire, analyze), not another object.',
    );
  eventPrincipalOf(event).endOfEventWork.push(work);
}
