import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

// A consumer's decorated layout, compiled as tsup compiles it (ES2022: standard decorators lowered), run by
// plain Node 20 against the built package: what users get, not the sources vitest transforms.
const consumer = `
import { f64, i32 } from '@alpaka-ts/interface';
import { allocateView, column, computeDataSize, layoutSchemaOf, scalar, soaLayout } from '@alpaka-ts/soa-template';

@soaLayout({ alignment: 64 })
class Hits {
  @column(f64) x!: number;
  @column(i32) id!: number;
  @scalar(f64) energy!: number;
  twice(): number {
    return this.x * 2;
  }
}
const view = allocateView(layoutSchemaOf(Hits), 4, { rangeChecking: 'extended' });
view.at(1).x = 21;
let where = '';
try {
  view.at(7);
} catch (error) {
  where = (error as Error).message;
}
console.log(JSON.stringify({ fields: layoutSchemaOf(Hits).fields.map((field) => field.kind + ':' + field.name), bytes: computeDataSize(layoutSchemaOf(Hits), 10), twice: (view.at(1) as unknown as Hits).twice(), where }));
`;

const scratch = fileURLToPath(new URL('./.built-package/', import.meta.url));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the built package', () => {
  it('runs decorated layouts compiled to ES2022 on Node 20', () => {
    mkdirSync(scratch, { recursive: true });
    const { code } = transformSync(consumer, { loader: 'ts', format: 'esm', target: 'es2022' });
    expect(code).not.toMatch(/^\s*@column/m);
    const file = `${scratch}consumer.mjs`;
    writeFileSync(file, code);
    const run = spawnSync(process.execPath, [file], {
      encoding: 'utf8',
      cwd: scratch,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect(run.stderr).toBe('');
    // x: align(80, 64) = 128; id: align(40, 64) = 64; energy: 64.
    // The element method survives the lowering; the extended range check names the consumer's line, not the
    // package's bundle.
    const line = code.split('\n').findIndex((text) => text.includes('view.at(7)')) + 1;
    expect(JSON.parse(run.stdout)).toEqual({
      fields: ['column:x', 'column:id', 'scalar:energy'],
      bytes: 256,
      twice: 42,
      where: `Out of range index in 'at' of 'Hits': index 7 out of range 4 at file ${file} at line ${line}`,
    });
  });
});
