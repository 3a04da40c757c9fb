import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';

// Inside the package, so `@alpaka-ts/core` and `@alpaka-ts/core/testing` resolve to this package's build.
const scratch = fileURLToPath(new URL('./.readme-examples/', import.meta.url));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("the README's TestProcessor example runs on the built package and prints what its comment says", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const source =
    [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((match) => match[1] ?? '')
      .find((block) => block.includes("from '@alpaka-ts/core/testing'")) ?? '';
  const expected = [...source.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1]);
  expect(expected).toEqual(['42']);
  mkdirSync(scratch, { recursive: true });
  const javascript = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(`${scratch}example.mjs`, javascript);
  const run = spawnSync(process.execPath, [`${scratch}example.mjs`], { encoding: 'utf8', cwd: scratch });
  expect(run.stderr).toBe('');
  expect(run.stdout.trim().split('\n')).toEqual(expected);
});
