import { type AlpakaRunDependencies, runAlpakaRun } from './run-alpaka-run';

/**
 * The process side of the bin (the only place besides alpaka-run.ts that reads process.argv and sets the exit
 * code): runs alpaka-run on this process's arguments and streams. Progress goes to stderr, so `isTerminal` is
 * stderr's; stdout carries the first line, the result line and the summary, and can be piped to a file.
 * The exit code is set, not forced, so pending output is flushed first. As with cmsRun, a shell sees the
 * code modulo 256 (8001 reads as 65); the full code is in the fatal exception text.
 */
export async function alpakaRunMain(dependencies: AlpakaRunDependencies): Promise<void> {
  process.exitCode = await runAlpakaRun(
    process.argv.slice(2),
    { stdout: process.stdout, stderr: process.stderr, isTerminal: process.stderr.isTTY === true },
    dependencies,
  );
}
