import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

// Inside the package, so the example's `import … from '@alpaka-ts/core'` resolves to this package's build.
const scratch = fileURLToPath(new URL('./.readme-example/', import.meta.url));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("the README's opening configuration runs under alpaka-run and prints the line its comment says", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const source = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const expected = /export default process; \/\/ (.*)$/m.exec(source)?.[1];
  expect(expected).toBe('Processing 10 events, with 1 concurrent events and 1 threads.');
  mkdirSync(scratch, { recursive: true });
  writeFileSync(`${scratch}demo.ts`, source);
  const bin = fileURLToPath(new URL('../../dist/alpaka-run.js', import.meta.url));
  const run = spawnSync(process.execPath, [bin, `${scratch}demo.ts`, '--progress', 'none', '--wantSummary'], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout.split('\n')[0]).toBe(expected);
  expect(run.stdout).toContain('TrigReport Events total = 10 passed = 10 failed = 0');
});

it("the README's alpaka example runs its module on serial_sync through Name@alpaka and prints the sums its comment says", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const source = /```ts\n(\/\/ alpaka-demo\.ts[\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const expected = /\/\/ (sum \d+)$/m.exec(source)?.[1];
  expect(expected).toBe('sum 249750');
  mkdirSync(scratch, { recursive: true });
  writeFileSync(`${scratch}alpaka-demo.ts`, source);
  const bin = fileURLToPath(new URL('../../dist/alpaka-run.js', import.meta.url));
  const run = spawnSync(process.execPath, [bin, `${scratch}alpaka-demo.ts`, '--progress', 'none'], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout.split('\n').filter((line) => line.startsWith('event '))).toEqual(
    [1, 2, 3].map((event) => `event ${event}: ${expected}`),
  );
});
