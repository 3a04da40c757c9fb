import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { alpakaRun } from './alpaka-run';

// Inside the package, so the example's imports and its module types resolve to this package's build.
const scratch = fileURLToPath(new URL('./.readme-example/', import.meta.url));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("the README's writer configuration runs its modules under alpaka-run and passes every event", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const source = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const expected = /export default process; \/\/ (.*)$/m.exec(source)?.[1];
  expect(expected).toBe('TrigReport Events total = 10 passed = 10 failed = 0');
  mkdirSync(scratch, { recursive: true });
  writeFileSync(`${scratch}writer.ts`, source);
  const run = alpakaRun(`${scratch}writer.ts`, ['--wantSummary']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(expected);
  expect(run.stdout).toMatch(/TrigReport\s+10\s+10\s+10\s+0\s+0 testObjectAnalyzer/);
});
