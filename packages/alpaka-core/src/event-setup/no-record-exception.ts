import { FrameworkError } from '../errors/framework-error';
import type { EventSetupSyncValue } from './event-setup-provider';

/**
 * CMSSW's NoRecordException (category "NoRecord", exit code 8001): a product of a record is asked for while the
 * record has no valid IOV for the event. `knownRecord`: some ESSource or ESProducer of the job delivers the
 * record (then the IOVs do not cover the event), as opposed to a record nothing in the job provides.
 */
export function noRecordException(
  recordName: string,
  syncValue: EventSetupSyncValue,
  knownRecord: boolean,
): FrameworkError {
  const { eventID, time } = syncValue;
  let message =
    `No "${recordName}" record found in the EventSetup for synchronization value\n` +
    `Run: ${eventID.run} LuminosityBlock: ${eventID.luminosityBlock} Event: ${eventID.event} Time: ${time}`;
  if (knownRecord) {
    message +=
      '\n The Record is delivered by an ESSource or ESProducer but there is no valid IOV for the synchronization value.\n' +
      ' Please check \n' +
      '   a) if the synchronization value is reasonable and report to the hypernews if it is not.\n' +
      '   b) else check that all ESSources have been properly configured. \n';
  } else {
    message += '\n Please add an ESSource or ESProducer that delivers such a record.\n';
  }
  return new FrameworkError('NoRecord', message);
}
