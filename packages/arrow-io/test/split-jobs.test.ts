import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { contentOf } from './folder-content';

// A job split over a batch system, as the README's Slurm and Kubernetes recipes run it: separate alpaka-run
// processes, each given its share on the command line, then alpaka-merge.
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'arrow-split-'));
const alpakaRun = fileURLToPath(new URL('../node_modules/@alpaka-ts/core/dist/alpaka-run.js', import.meta.url));
const alpakaMerge = fileURLToPath(new URL('../dist/alpaka-merge.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const job = (configuration: string, args: readonly string[]) =>
  run(process.execPath, [alpakaRun, fixture(configuration), '--progress', 'none', ...args], {
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: 120_000,
  });

describe('a job split into separate processes and merged', () => {
  it('gives, from 4 jobs over one range of 12 events, what one job over the range writes', async () => {
    const single = join(scratch, 'single.arrow');
    const parts = [0, 1, 2, 3].map((index) => join(scratch, `job${index}.arrow`));
    // The four run at once, as array tasks do; each job's index picks its events and its output.
    const jobs = parts.map((part, index) =>
      job('split-write.ts', [
        `--firstEvent=${1 + index * 3}`,
        `--lastEvent=${3 + index * 3}`,
        `--set=output.fileName=${part}`,
      ]),
    );
    const [whole, ...split] = await Promise.all([job('split-write.ts', [`--set=output.fileName=${single}`]), ...jobs]);
    expect(whole.stdout).toContain('Processed 12 events');
    expect(split.map((result) => /Processed (\d+) events/.exec(result.stdout)?.[1])).toEqual(['3', '3', '3', '3']);
    const merged = join(scratch, 'merged.arrow');
    const merge = await run(process.execPath, [alpakaMerge, merged, ...parts]);
    expect(merge.stdout).toBe(`alpaka-merge: 12 events from 4 folders into ${merged} (4 files)\n`);
    expect(contentOf(merged)).toEqual(contentOf(single));

    // Jobs reading the merged output back, split by event ranges and given their input on the command line.
    const copy = (fileName: string, ranges: string) =>
      job('split-copy.ts', [
        `--inputFile=${merged}`,
        `--set=source.eventsToProcess=${ranges}`,
        `--set=output.fileName=${fileName}`,
      ]);
    const [allCopied, first, second] = [
      join(scratch, 'copied.arrow'),
      join(scratch, 'a.arrow'),
      join(scratch, 'b.arrow'),
    ];
    const copies = await Promise.all([copy(allCopied, '1:1-1:max'), copy(first, '1:1-1:5'), copy(second, '1:6-1:12')]);
    expect(copies.map((result) => /Processed (\d+) events/.exec(result.stdout)?.[1])).toEqual(['12', '5', '7']);
    const copiedMerged = join(scratch, 'copied-merged.arrow');
    await run(process.execPath, [alpakaMerge, copiedMerged, first, second]);
    expect(contentOf(copiedMerged)).toEqual(contentOf(allCopied));
    expect(Object.keys(contentOf(allCopied))).toEqual(Object.keys(contentOf(single)));
  }, 240_000);

  it('refuses a mistyped per-job value with 7000, naming it, before the job starts', async () => {
    const failed = await job('split-write.ts', ['--set=source.firstEvent=first']).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(7000 % 256);
    expect(failed?.stderr).toContain(
      '--set source.firstEvent=first: firstEvent is untracked uint32: expected a number',
    );
  }, 120_000);
});
