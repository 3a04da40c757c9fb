import { edmErrorCodes } from '../errors/exception-categories';
import { programName } from './command-line';
import { type AlpakaRunDependencies, runAlpakaRun } from './run-alpaka-run';

/**
 * The process side of the bin (the only place besides alpaka-run.ts that reads process.argv and sets the exit
 * code): runs alpaka-run on this process's arguments and streams. Progress goes to stderr, so `isTerminal` is
 * stderr's; stdout carries the first line, the result line and the summary, and can be piped to a file.
 * The exit code is set, not forced, so pending output is flushed first. As with cmsRun, a shell sees the
 * code modulo 256 (8001 reads as 65); the full code is in the fatal exception text.
 */
export async function alpakaRunMain(dependencies: AlpakaRunDependencies): Promise<void> {
  const controller = new AbortController();
  // The first SIGINT or SIGTERM stops the job cleanly (9000 after endJob); a second one ends the process now.
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(edmErrorCodes.CaughtSignal);
    process.stderr.write(`\n${programName}: caught ${signal}, finishing the events in flight (again to stop now)\n`);
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    process.exitCode = await runAlpakaRun(
      process.argv.slice(2),
      {
        stdout: process.stdout,
        stderr: process.stderr,
        isTerminal: process.stderr.isTTY === true,
        abortSignal: controller.signal,
        onEventLoopIdle: (listener) => {
          process.on('beforeExit', listener);
          return () => process.off('beforeExit', listener);
        },
      },
      dependencies,
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
