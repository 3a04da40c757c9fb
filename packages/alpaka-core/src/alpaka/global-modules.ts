import type { ModuleEdmType } from '../configuration/process-description';
import type { Event as HostEvent } from '../event/event';
import type { EventSetup as HostEventSetup } from '../event-setup/event-setup-provider';
import { type FrameworkMethods, frameworkMethods } from '../modules/framework-methods';
import type { MaybePromise, ModuleConcurrency } from '../modules/module-abilities';
import { AlpakaProducerBase } from './alpaka-producer-base';
import type { Event } from './device/event';
import type { EventSetup } from './device/event-setup';

/**
 * CMSSW's alpaka `global::EDProducer`: one instance for every stream; the author writes
 * `produce(streamID, event, eventSetup)` with the device::Event and device::EventSetup, and the framework's
 * produce (CMSSW's `produce(edm::StreamID, edm::Event&, edm::EventSetup const&) final`) wraps it: metadata on the
 * stream's device, the call, the backend product, then an event recorded if the queue was used (a wait with
 * `synchronize`). ExternalWork is not available on this base, as in CMSSW.
 */
export abstract class EDProducer extends AlpakaProducerBase {
  static readonly edmType: ModuleEdmType = 'EDProducer';
  static readonly moduleConcurrency: ModuleConcurrency = 'global';
  static readonly externalWork: boolean = false;

  abstract produce(streamID: number, event: Event, eventSetup: EventSetup): MaybePromise<void>;

  readonly [frameworkMethods]: FrameworkMethods = {
    produce: (streamID: number, event: HostEvent, eventSetup: HostEventSetup) => {
      const context = this.startInvocation(streamID, event, eventSetup);
      return this.runProduce(context, event, () => this.produce(streamID, context.event, context.eventSetup));
    },
  };
}
