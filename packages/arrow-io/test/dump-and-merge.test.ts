import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { dumpEventContent } from '../src/dump-event-content';
import { mergeOutputs } from '../src/merge-outputs';
import { readOutputFolder } from '../src/output-folder';
import { contentOf } from './folder-content';
import { writeHits } from './job-modules';

const scratch = mkdtempSync(join(tmpdir(), 'arrow-merge-'));

/** A job writing events firstEvent … firstEvent + events - 1 of run 1 (HitsProducer, every third without hits). */
async function writeRange(fileName: string, firstEvent: number, events: number, processName = 'WRITE') {
  expect(await writeHits(fileName, { firstEvent, events, skipEvery: 3, processName })).toBeUndefined();
}

describe('alpaka-merge and alpaka-dump', () => {
  it('merges four jobs over consecutive ranges into what one job over the whole range writes', async () => {
    const single = join(scratch, 'single.arrow');
    await writeRange(single, 1, 12);
    const parts = [0, 1, 2, 3].map((job) => join(scratch, `job${job}.arrow`));
    for (const [job, part] of parts.entries()) await writeRange(part, 1 + job * 3, 3);
    const merged = join(scratch, 'merged.arrow');
    expect(await mergeOutputs(merged, parts)).toEqual({ events: 12, files: 4 });
    expect(contentOf(merged)).toEqual(contentOf(single));
  });

  it('refuses to merge outputs of other branches, naming what differs, and writes nothing', async () => {
    const ours = join(scratch, 'ours.arrow');
    const theirs = join(scratch, 'theirs.arrow');
    await writeRange(ours, 1, 2);
    await writeRange(theirs, 3, 2, 'OTHER');
    const merged = join(scratch, 'mismatched.arrow');
    await expect(mergeOutputs(merged, [ours, theirs])).rejects.toMatchObject({
      category: 'MismatchedInputFiles',
      message: expect.stringMatching(/theirs\.arrow does not hold the branches .*ours\.arrow holds; it lacks .*_WRITE/),
    });
    expect(readdirSync(scratch).filter((name) => name.startsWith('mismatched'))).toEqual([]);
  });

  it('lists each branch with its type, label, instance, process, kind, events, elements and bytes', async () => {
    const folder = join(scratch, 'dumped.arrow');
    await writeRange(folder, 1, 6);
    const text = dumpEventContent(readOutputFolder(folder));
    const lines = text.split('\n');
    expect(lines[0]).toBe(`${folder}: 6 events, 2 branches`);
    // Events 3 and 6 have no hits; the others have 3 + event % 4 elements: 4 + 5 + 3 + 4 = 16.
    expect(text).toMatch(/PortableHostCollection +│ "producer" +│ "" +│ "WRITE" +│ collection +│ 4 +│ 16 +│ \d+/);
    expect(text).toMatch(/int +│ "producer" +│ "count" +│ "WRITE" +│ number +│ 6 +│ +│ \d+/);
  });
});

describe('the alpaka-dump and alpaka-merge commands', () => {
  const bin = (name: string) => fileURLToPath(new URL(`../dist/${name}.js`, import.meta.url));
  const run = (name: string, args: string[]) => spawnSync(process.execPath, [bin(name), ...args], { encoding: 'utf8' });

  it('merge the folders given and list the result; a mismatch exits 1 with the reason', async () => {
    const [a, b, other] = ['cli-a.arrow', 'cli-b.arrow', 'cli-other.arrow'].map((name) => join(scratch, name));
    await writeRange(a as string, 1, 2);
    await writeRange(b as string, 3, 2);
    await writeRange(other as string, 5, 2, 'OTHER');
    const out = join(scratch, 'cli-merged.arrow');
    const merged = run('alpaka-merge', [out, a as string, b as string]);
    expect([merged.status, merged.stderr]).toEqual([0, '']);
    expect(merged.stdout).toBe(`alpaka-merge: 4 events from 2 folders into ${out} (4 files)\n`);
    const dumped = run('alpaka-dump', [out]);
    expect(dumped.status).toBe(0);
    expect(dumped.stdout).toContain(`${out}: 4 events, 2 branches`);
    const refused = run('alpaka-merge', [join(scratch, 'cli-refused.arrow'), a as string, other as string]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^alpaka-merge: .*cli-other\.arrow does not hold the branches/);
  });
});
