import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The real alpaka-run (core's built bin, as the package's node_modules links it), run as a user runs it.
const bin = fileURLToPath(new URL('../node_modules/@alpaka-ts/core/dist/alpaka-run.js', import.meta.url));
export const configuration = (name: string) => fileURLToPath(new URL(`../configurations/${name}`, import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export interface AlpakaRunResult {
  /** The exit status as a shell sees it: the code modulo 256 (8035 reads as 99). */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function alpakaRun(file: string, options: readonly string[], configurationArguments: readonly string[] = []) {
  const run = spawnSync(
    process.execPath,
    [
      bin,
      file,
      '--progress',
      'none',
      ...options,
      ...(configurationArguments.length > 0 ? ['--', ...configurationArguments] : []),
    ],
    { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 120_000 },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr } satisfies AlpakaRunResult;
}

/** The exit code a shell sees for a cmsRun code. */
export const shellCode = (code: number) => code % 256;
