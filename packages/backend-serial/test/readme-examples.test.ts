import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The examples that open the READMEs run as a user would run them: plain Node against the built packages.
const scratch = fileURLToPath(new URL('./.readme-examples/', import.meta.url));
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const interfaceReadme = new URL('../../alpaka-interface/README.md', import.meta.url);
// Each example: the README and the heading of its section ('' for the example that opens the README).
const readmes: Record<string, [URL, string]> = {
  '@alpaka-ts/backend-serial': [new URL('../README.md', import.meta.url), ''],
  '@alpaka-ts/interface': [interfaceReadme, ''],
  '@alpaka-ts/kernel-compiler': [new URL('../../kernel-compiler/README.md', import.meta.url), ''],
  // The mock accelerator's example needs serialKernelRunner, so it runs here rather than in the interface.
  '@alpaka-ts/interface mock accelerator': [interfaceReadme, '## `/testing`: the mock accelerator'],
};

describe('README examples', () => {
  for (const [name, [url, heading]] of Object.entries(readmes)) {
    it(`the example ${heading ? `of '${heading}' in` : 'that opens'} ${name}'s README runs and prints what its comments say`, () => {
      const whole = readFileSync(url, 'utf8');
      const readme = heading ? whole.slice(whole.indexOf(heading)) : whole;
      expect(readme.startsWith(heading)).toBe(true);
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
