import { makeEventID } from '../event/event-id';
import { LuminosityBlock } from '../event/luminosity-block';
import { Run } from '../event/run';
import type { EventSetupProvider } from '../event-setup/event-setup-provider';
import type { ActivityRegistry, ModuleCallKind } from './activity-registry';
import type { Schedule } from './schedule-builder';
import { callTransition } from './transition-calls';

/**
 * The run and luminosity-block transitions of every module instance (CMSSW's beginRun/endRun,
 * beginLuminosityBlock/endLuminosityBlock), each given the block and the EventSetup of its first sync value
 * (`EventID(run, lumi, 0)`), with CMSSW's `Processing  begin Run run: R` … contexts on failure. The source
 * controller calls them between events.
 */
export function moduleBlockTransitions(schedule: Schedule, activity: ActivityRegistry, provider: EventSetupProvider) {
  const forEachInstance = async (method: string, kind: ModuleCallKind, context: string, makeArgs: () => unknown[]) => {
    for (const module of schedule.modules) {
      for (const [index, instance] of module.instances.entries()) {
        const stream = module.concurrency === 'stream' ? index : -1;
        await callTransition(activity, module, instance, method, kind, stream, context, makeArgs());
      }
    }
  };
  const eventSetupAt = (run: number, luminosityBlock: number) =>
    provider.eventSetupFor({ eventID: makeEventID(run, luminosityBlock, 0), time: 0n });
  return {
    beginRun: (run: number) =>
      forEachInstance('beginRun', 'beginRun', `Processing  begin Run run: ${run}`, () => [
        new Run(run),
        eventSetupAt(run, 0),
      ]),
    endRun: (run: number) =>
      forEachInstance('endRun', 'endRun', `Processing  end Run run: ${run}`, () => [
        new Run(run),
        eventSetupAt(run, 0),
      ]),
    beginLuminosityBlock: (run: number, block: number) =>
      forEachInstance(
        'beginLuminosityBlock',
        'beginLuminosityBlock',
        `Processing  begin LuminosityBlock run: ${run} luminosityBlock: ${block}`,
        () => [new LuminosityBlock(run, block), eventSetupAt(run, block)],
      ),
    endLuminosityBlock: (run: number, block: number) =>
      forEachInstance(
        'endLuminosityBlock',
        'endLuminosityBlock',
        `Processing  end LuminosityBlock run: ${run} luminosityBlock: ${block}`,
        () => [new LuminosityBlock(run, block), eventSetupAt(run, block)],
      ),
  };
}
