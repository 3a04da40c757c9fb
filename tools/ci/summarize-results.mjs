#!/usr/bin/env node
// Sums vitest's JSON reports (<package>/test-results/vitest.json, written by vitest.shared.ts) into the
// closing line CI reads: "N passed, M failed". Each repository check that failed (type-check, lint,
// layering, ...) is named on argv and counted as one more failure, so the line never reads green when CI is red.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Totals of one vitest JSON report; pending and todo tests count as skipped. */
export function countsOfReport(report) {
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    // A suite that failed to load (syntax error, missing import) has no tests but did fail.
    brokenSuites: (report.testResults ?? []).filter(
      (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
    ).length,
  };
}

/** The report of tools/ and of every folder under packages/, as [folder, path] pairs. */
export function findReports(workspaceRoot) {
  const folders = [
    'tools',
    ...readdirSync(join(workspaceRoot, 'packages'))
      .sort()
      .map((folder) => `packages/${folder}`),
  ];
  return folders
    .map((folder) => [folder, join(workspaceRoot, folder, 'test-results', 'vitest.json')])
    .filter(([, path]) => existsSync(path));
}

export function summarize(reports, failedChecks) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const lines = [];
  for (const [name, path] of reports) {
    const counts = countsOfReport(JSON.parse(readFileSync(path, 'utf8')));
    const failed = counts.failed + counts.brokenSuites;
    total.passed += counts.passed;
    total.failed += failed;
    total.skipped += counts.skipped;
    lines.push(`  ${name}: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`);
  }
  for (const check of failedChecks) lines.push(`  check failed: ${check}`);
  total.failed += failedChecks.length;
  const closing = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
  return { lines, closing, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
  const { lines, closing, total } = summarize(findReports(workspaceRoot), process.argv.slice(2));
  console.log(lines.join('\n'));
  console.log(closing);
  process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
}
