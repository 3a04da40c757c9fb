#!/usr/bin/env node
// alpaka-dump FOLDER…: CMSSW's edmDumpEventContent for ArrowOutputModule's folders.
import { Command } from 'commander';
import { dumpEventContent } from '../dump-event-content';
import { readOutputFolder } from '../output-folder';

const program = new Command('alpaka-dump')
  .description(
    "Lists the branches of ArrowOutputModule's output folders: type, label, instance, process, events, size.",
  )
  .argument('<folder...>', 'the output folders (the fileName an ArrowOutputModule wrote)')
  .action((folders: string[]) => {
    for (const folder of folders) process.stdout.write(dumpEventContent(readOutputFolder(folder)));
  });
try {
  program.parse();
} catch (error) {
  process.stderr.write(`alpaka-dump: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
