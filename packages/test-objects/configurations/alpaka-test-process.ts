// What every AlpakaTest configuration starts with, from its options: process TEST with an EmptySource from
// `--run`, its number of events, `options.accelerators` from `--accelerators`, and ProcessAcceleratorAlpaka with
// `--processAcceleratorBackend` and `--processAcceleratorSynchronize` applied.
import { cms, type Module, type Process } from '@alpaka-ts/core';
import { ProcessAcceleratorAlpaka } from '@alpaka-ts/core/alpaka';
import type { AlpakaTestArguments } from './alpaka-test-arguments';

export function alpakaTestProcess(
  args: AlpakaTestArguments,
  events: number,
): { readonly process: Process; readonly accelerator: ProcessAcceleratorAlpaka } {
  const process = cms.Process('TEST');
  process.source = cms.Source('EmptySource', { firstRun: cms.untracked.uint32(args.run) });
  process.maxEvents.input = events;
  if (args.accelerators.length > 0) process.options.accelerators = [...args.accelerators];
  const accelerator = new ProcessAcceleratorAlpaka();
  process.ProcessAcceleratorAlpaka = accelerator;
  if (args.processAcceleratorBackend !== '') accelerator.setBackend(args.processAcceleratorBackend);
  if (args.processAcceleratorSynchronize) accelerator.setSynchronize(true);
  return { process, accelerator };
}

/** An EmptyESSource giving `recordName` one IOV from run 1, as the configurations' record sources do. */
export const recordSource = (recordName: string): Module =>
  cms.ESSource('EmptyESSource', {
    recordName: cms.string(recordName),
    iovIsRunNotTime: cms.bool(true),
    firstValid: cms.vuint32(1),
  });
