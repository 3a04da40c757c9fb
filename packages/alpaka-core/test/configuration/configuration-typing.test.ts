import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, 'fixtures');
const scratch = mkdtempSync(join(fixtures, 'typing-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Type errors by file, compiled with the package's strict options (noUncheckedIndexedAccess included). */
function typeErrors(files: readonly string[]): Map<string, string[]> {
  const { config } = ts.readConfigFile(join(root, '..', '..', 'tsconfig.base.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const errors = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? '(global)';
    errors.set(file, [...(errors.get(file) ?? []), ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')]);
  }
  return errors;
}

test('configurations typecheck under the strict tsconfig without casts; a mistyped argument does not', () => {
  const files = readdirSync(fixtures)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(fixtures, name));
  expect(files.length).toBeGreaterThan(5);
  // The fixtures use labels, clone(), attribute assignment, paths, tasks, the schedule and options.
  const mistyped = join(scratch, 'mistyped.ts');
  writeFileSync(
    mistyped,
    "import { cms } from '../../../../src/configuration/cms';\n" +
      "const process = cms.Process('T');\n" +
      "process.a = cms.EDProducer('A', { x: cms.int32('five') });\n" +
      'export default process;\n',
  );
  const errors = typeErrors([...files, mistyped]);
  expect(errors.get(mistyped)).toEqual(["Argument of type 'string' is not assignable to parameter of type 'number'."]);
  errors.delete(mistyped);
  expect(Object.fromEntries(errors)).toEqual({});
});
