import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contentOf } from './folder-content';

// The README's batch recipes, run as written for indices 0 … 3 (four processes at once), with alpaka-run and
// alpaka-merge on the PATH as an installed package puts them; only Slurm and Kubernetes themselves are missing.
const run = promisify(execFile);
const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const blocks = (language: string) =>
  [...readme.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1] ?? '');
const work = mkdtempSync(join(tmpdir(), 'arrow-recipes-'));
const configuration = fileURLToPath(new URL('./fixtures/split-write.ts', import.meta.url));

function pathWithTools(): string {
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  const tools = {
    'alpaka-run': new URL('../node_modules/@alpaka-ts/core/dist/alpaka-run.js', import.meta.url),
    'alpaka-merge': new URL('../dist/alpaka-merge.js', import.meta.url),
  };
  for (const [name, script] of Object.entries(tools)) {
    writeFileSync(join(bin, name), `#!/bin/sh\nexec "${process.execPath}" "${fileURLToPath(script)}" "$@"\n`);
    chmodSync(join(bin, name), 0o755);
  }
  return `${bin}${delimiter}${process.env.PATH ?? ''}`;
}

const environment = { ...process.env, PATH: pathWithTools(), FORCE_COLOR: '0' };
const shell = (program: string, script: string, variables: Record<string, string>) =>
  run(program, ['-c', script], { cwd: work, env: { ...environment, ...variables }, timeout: 120_000 });

async function singleJob(): Promise<string> {
  const single = join(work, 'single.arrow');
  await shell('sh', `alpaka-run "${configuration}" --maxEvents 12 --set "output.fileName=${single}"`, {});
  return single;
}

describe("the README's batch recipes", () => {
  it('the Slurm array script and its merge give what one job over the 12 events writes', async () => {
    const script = blocks('sh').find((block) => block.includes('#SBATCH --array=0-3'));
    const submitMerge = blocks('sh').find((block) => block.includes('--wrap'));
    expect(script).toBeDefined();
    const merge = /--wrap '([^']+)'/.exec(submitMerge ?? '')?.[1];
    expect(merge).toBe('alpaka-merge out/all.arrow out/job*.arrow');
    const single = await singleJob();
    const variables = { CONFIG: configuration, OUT: 'out', EVENTS_PER_JOB: '3' };
    await Promise.all(
      [0, 1, 2, 3].map((index) => shell('bash', script ?? '', { ...variables, SLURM_ARRAY_TASK_ID: String(index) })),
    );
    await shell('bash', merge ?? '', {});
    expect(contentOf(join(work, 'out', 'all.arrow'))).toEqual(contentOf(single));
  }, 240_000);

  it("the Kubernetes Indexed Job's container command, per completion index, merges to the same", async () => {
    const manifest = parse(blocks('yaml')[0] ?? '') as {
      kind: string;
      spec: { completionMode: string; completions: number; template: { spec: { containers: Container[] } } };
    };
    type Container = { command: string[]; args: string[]; env: { name: string; value: string }[] };
    expect([manifest.kind, manifest.spec.completionMode, manifest.spec.completions]).toEqual(['Job', 'Indexed', 4]);
    // Every field is one batch/v1 Job, PodSpec and Container have: a misspelt one would be ignored or refused.
    const known = {
      job: ['apiVersion', 'kind', 'metadata', 'spec'],
      jobSpec: [
        'completionMode',
        'completions',
        'parallelism',
        'backoffLimit',
        'backoffLimitPerIndex',
        'maxFailedIndexes',
        'template',
        'ttlSecondsAfterFinished',
      ],
      podSpec: ['restartPolicy', 'containers', 'volumes', 'nodeSelector', 'tolerations'],
      container: ['name', 'image', 'env', 'command', 'args', 'resources', 'volumeMounts', 'workingDir'],
    };
    const keys = (object: object) => Object.keys(object);
    expect(known.job).toEqual(expect.arrayContaining(keys(manifest)));
    expect(known.jobSpec).toEqual(expect.arrayContaining(keys(manifest.spec)));
    expect(known.podSpec).toEqual(expect.arrayContaining(keys(manifest.spec.template.spec)));
    for (const each of manifest.spec.template.spec.containers)
      expect(known.container).toEqual(expect.arrayContaining(keys(each)));
    const [container] = manifest.spec.template.spec.containers;
    expect(container?.command).toEqual(['/bin/sh', '-c']);
    const out = join(work, 'k8s');
    // The manifest's variables, with this test's configuration, folder and 3 events per job.
    const variables = {
      ...Object.fromEntries((container?.env ?? []).map(({ name, value }) => [name, value])),
      CONFIG: configuration,
      OUT: out,
      EVENTS_PER_JOB: '3',
    };
    await Promise.all(
      [0, 1, 2, 3].map((index) =>
        shell('/bin/sh', container?.args[0] ?? '', { ...variables, JOB_COMPLETION_INDEX: String(index) }),
      ),
    );
    await shell('sh', `alpaka-merge "${out}/all.arrow" "${out}"/job*.arrow`, {});
    expect(contentOf(join(out, 'all.arrow'))).toEqual(contentOf(await singleJob()));
  }, 240_000);
});
