import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The examples that open the READMEs run as a user would run them: plain Node against the built packages.
const scratch = fileURLToPath(new URL('./.readme-examples/', import.meta.url));
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const readmes = {
  '@alpaka-ts/backend-serial': new URL('../README.md', import.meta.url),
  '@alpaka-ts/interface': new URL('../../alpaka-interface/README.md', import.meta.url),
  '@alpaka-ts/kernel-compiler': new URL('../../kernel-compiler/README.md', import.meta.url),
};

describe('README examples', () => {
  for (const [name, url] of Object.entries(readmes)) {
    it(`the example that opens ${name}'s README runs and prints what its comments say`, () => {
      const readme = readFileSync(url, 'utf8');
      const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
      expect(code, 'the README starts with a ts code block').toBeDefined();
      const expected = [...(code ?? '').matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1]);
      expect(expected.length).toBeGreaterThan(0);
      const file = `${scratch}${name.replace(/\W/g, '_')}.mjs`;
      writeFileSync(file, code ?? '');
      const run = spawnSync(process.execPath, [file], {
        encoding: 'utf8',
        cwd: scratch,
        env: { ...process.env, FORCE_COLOR: '0' },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.trim().split('\n')).toEqual(expected);
    });
  }
});
