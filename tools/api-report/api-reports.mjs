// The public surface of every published package, one API report per entry point (api-extractor's .api.md),
// committed beside the package so that every change of a public surface shows in review. `--update` rewrites
// the reports; without it (as CI runs it) a report that differs from the built declarations fails, naming the
// package and entry and showing the difference. Needs the packages built (dist/*.d.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(import.meta.dirname, '../..');
const update = process.argv.includes('--update');
// api-extractor writes each fresh report here first; one folder per run, so two runs never share it.
const temporaryFolder = mkdtempSync(join(tmpdir(), 'alpaka-ts-api-reports-'));

/** Each published package's entry points: export subpath → declaration file, from its package.json. */
function entryPoints() {
  const entries = [];
  for (const folder of readdirSync(join(root, 'packages'))) {
    const packageFolder = join(root, 'packages', folder);
    if (!existsSync(join(packageFolder, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (typeof target !== 'object' || !target.types) continue;
      const name = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replaceAll('/', '-');
      entries.push({ packageName: manifest.name, packageFolder, subpath, name, declarations: target.types });
    }
  }
  return entries;
}

const silenced = { logLevel: 'none' };
let failures = 0;
for (const entry of entryPoints()) {
  if (update) mkdirSync(join(entry.packageFolder, 'api-report'), { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: entry.packageFolder,
      mainEntryPointFilePath: join(entry.packageFolder, entry.declarations),
      compiler: { tsconfigFilePath: join(entry.packageFolder, 'tsconfig.json') },
      apiReport: {
        enabled: true,
        reportFolder: join(entry.packageFolder, 'api-report'),
        // Outside the package: dist/ is published.
        reportTempFolder: join(temporaryFolder, basename(entry.packageFolder)),
        reportFileName: `${entry.name}.api.md`,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // The surface is what matters here; release tags and TSDoc style are not part of this project's rules.
        extractorMessageReporting: {
          default: silenced,
          'ae-missing-release-tag': silenced,
          'ae-forgotten-export': silenced,
        },
        tsdocMessageReporting: { default: silenced },
        compilerMessageReporting: { default: { logLevel: 'warning' } },
      },
    },
    configObjectFullPath: join(entry.packageFolder, 'api-extractor.json'),
    packageJsonFullPath: join(entry.packageFolder, 'package.json'),
  });
  const result = Extractor.invoke(config, {
    localBuild: update,
    // The project's own TypeScript, so the report reads declarations as the packages' builds wrote them.
    typescriptCompilerFolder: join(root, 'node_modules', 'typescript'),
  });
  const where = `${entry.packageName}${entry.subpath === '.' ? '' : entry.subpath.slice(1)}`;
  if (result.apiReportChanged && !update) {
    failures += 1;
    console.error(
      `api report: ${where} differs from api-report/${entry.name}.api.md; run 'pnpm api:report' and commit the report.`,
    );
  } else if (!result.succeeded) {
    failures += 1;
    console.error(`api report: ${where}: api-extractor failed (${result.errorCount} errors).`);
  } else console.log(`api report: ${where} ${result.apiReportChanged ? 'updated' : 'unchanged'}`);
}
rmSync(temporaryFolder, { recursive: true, force: true });
process.exitCode = failures === 0 ? 0 : 1;
