import type { EndOfEventWork } from '../event/end-of-event-work';
import type { Event as HostEvent } from '../event/event';
import { eventPrincipalOf } from '../event/event';
import type { EventSetup as HostEventSetup } from '../event-setup/event-setup-provider';
import type { AlpakaBackendRuntime } from './alpaka-backend-runtime';
import { Event as DeviceEvent } from './device/event';
import { EventSetup as DeviceEventSetup } from './device/event-setup';
import { EDMetadata } from './ed-metadata';

/**
 * What an alpaka module reuses in one EDM stream from invocation to invocation: the device::Event and
 * device::EventSetup objects (pointed at each invocation's metadata), and the stream's end-of-event list, where
 * the invocations' metadata registers what the stream must wait for.
 */
export class AlpakaStreamContext {
  readonly event: DeviceEvent;
  readonly eventSetup: DeviceEventSetup;
  readonly endOfEventWork: EndOfEventWork[];
  readonly runtime: AlpakaBackendRuntime;

  /** `Calling method for module T/'label'`, given to each invocation's metadata. */
  readonly moduleContext: string;

  constructor(
    runtime: AlpakaBackendRuntime,
    streamID: number,
    event: HostEvent,
    eventSetup: HostEventSetup,
    moduleContext: string,
  ) {
    this.runtime = runtime;
    this.moduleContext = moduleContext;
    this.endOfEventWork = eventPrincipalOf(event).endOfEventWork;
    const metadata = new EDMetadata(runtime, runtime.chooseDevice(streamID), this.endOfEventWork, moduleContext);
    this.event = new DeviceEvent(event, metadata);
    this.eventSetup = new DeviceEventSetup(eventSetup, metadata.device);
  }

  /** A new invocation (CMSSW's EDMetadataSentry): fresh metadata on the stream's device. */
  start(streamID: number, eventSetup: HostEventSetup): EDMetadata {
    const runtime = this.runtime;
    const metadata = new EDMetadata(runtime, runtime.chooseDevice(streamID), this.endOfEventWork, this.moduleContext);
    this.event.startInvocation(metadata);
    this.eventSetup.startInvocation(eventSetup, metadata.device);
    return metadata;
  }

  /** The invocation after acquire (SynchronizingEDProducer::produce): the acquire's metadata, its queue kept. */
  continueWith(metadata: EDMetadata, eventSetup: HostEventSetup): void {
    this.event.startInvocation(metadata);
    this.eventSetup.startInvocation(eventSetup, metadata.device);
  }
}
