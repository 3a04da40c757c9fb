import { convertException } from '../errors/convert-exception';
import { makeEventID } from '../event/event-id';
import { LuminosityBlock } from '../event/luminosity-block';
import { Run } from '../event/run';
import type { Transition } from '../event-setup/es-get-token';
import type { EventSetup, EventSetupProvider } from '../event-setup/event-setup-provider';
import type { ActivityRegistry, ModuleCallKind } from './activity-registry';
import type { ConstructedModule } from './module-construction';
import type { Schedule } from './schedule-builder';
import { callTransition } from './transition-calls';

const transitionOf: Partial<Record<ModuleCallKind, Transition>> = {
  beginRun: 'BeginRun',
  endRun: 'EndRun',
  beginLuminosityBlock: 'BeginLuminosityBlock',
  endLuminosityBlock: 'EndLuminosityBlock',
};

/** Prefetches the EventSetup products a module's instance declared for this transition, before calling it. */
async function prefetchForTransition(
  module: ConstructedModule,
  index: number,
  instance: object,
  method: string,
  transition: Transition | undefined,
  eventSetup: EventSetup,
  outerContext: string,
): Promise<void> {
  if (transition === undefined || typeof (instance as Record<string, unknown>)[method] !== 'function') return;
  const registrations = module.registrations[index] ?? module.registrations[0];
  const tokens = registrations?.esConsumes.filter((token) => token.transition === transition) ?? [];
  if (tokens.length === 0) return;
  try {
    await eventSetup.prefetch(tokens);
  } catch (thrown) {
    const { type, label } = module.description;
    throw convertException(thrown).addContext(`Prefetching for module ${type}/'${label}'`).addContext(outerContext);
  }
}

/**
 * The run and luminosity-block transitions of every module instance (CMSSW's beginRun/endRun,
 * beginLuminosityBlock/endLuminosityBlock), each given the block and the EventSetup of its first sync value
 * (`EventID(run, lumi, 0)`), with CMSSW's `Processing  begin Run run: R` … contexts on failure. The source
 * controller calls them between events.
 */
export function moduleBlockTransitions(schedule: Schedule, activity: ActivityRegistry, provider: EventSetupProvider) {
  const forEachInstance = async (
    method: string,
    kind: ModuleCallKind,
    context: string,
    makeArgs: () => [block: unknown, eventSetup: EventSetup],
  ) => {
    const transition = transitionOf[kind];
    for (const module of schedule.modules) {
      for (const [index, instance] of module.instances.entries()) {
        const stream = module.concurrency === 'stream' ? index : -1;
        const args = makeArgs();
        await prefetchForTransition(module, index, instance, method, transition, args[1], context);
        await callTransition(activity, module, instance, method, kind, stream, context, args);
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
