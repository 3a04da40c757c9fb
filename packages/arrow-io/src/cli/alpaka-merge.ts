#!/usr/bin/env node
// alpaka-merge OUTPUT INPUT…: joins the output folders of jobs of one configuration (CMSSW's edmCopyPickMerge).
import { Command } from 'commander';
import { mergeOutputs } from '../merge-outputs';

const program = new Command('alpaka-merge')
  .description("Joins ArrowOutputModule's output folders of jobs of one configuration into one, in the order given.")
  .argument('<output>', 'the merged folder to write')
  .argument('<inputs...>', "the jobs' output folders")
  .action(async (output: string, inputs: string[]) => {
    const { events, files } = await mergeOutputs(output, inputs);
    process.stdout.write(
      `alpaka-merge: ${events} events from ${inputs.length} folders into ${output} (${files} files)\n`,
    );
  });
program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`alpaka-merge: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
