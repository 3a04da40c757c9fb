import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { afterAll, expect, it } from 'vitest';

const scratch = fileURLToPath(new URL('./.readme-example/', import.meta.url));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("the README's opening example runs on Node and prints what its comment says", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const source = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const expected = [...source.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1]);
  expect(expected).toEqual(['2, then 4']);
  mkdirSync(scratch, { recursive: true });
  writeFileSync(`${scratch}example.mjs`, transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022' }).code);
  const run = spawnSync(process.execPath, [`${scratch}example.mjs`], {
    encoding: 'utf8',
    cwd: scratch,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  expect(run.stderr).toBe('');
  expect(run.stdout.trim().split('\n')).toEqual(['2', '4']);
});
