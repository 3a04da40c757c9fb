#!/usr/bin/env node
// Sums vitest's JSON reports (.ci-results/<package>.json, written by vitest.shared.ts) into the closing
// line CI reads: "N passed, M failed". Each repository check that failed (type-check, lint, layering, ...)
// is named on argv and counted as one more failure, so the line never reads green when CI is red.
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

export function summarize(resultsDirectory, failedChecks) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const lines = [];
  const files = existsSync(resultsDirectory)
    ? readdirSync(resultsDirectory)
        .filter((file) => file.endsWith('.json'))
        .sort()
    : [];
  for (const file of files) {
    const counts = countsOfReport(JSON.parse(readFileSync(join(resultsDirectory, file), 'utf8')));
    total.passed += counts.passed;
    total.failed += counts.failed + counts.brokenSuites;
    total.skipped += counts.skipped;
    lines.push(
      `  ${file.replace(/\.json$/, '')}: ${counts.passed} passed, ${counts.failed + counts.brokenSuites} failed, ${counts.skipped} skipped`,
    );
  }
  for (const check of failedChecks) lines.push(`  check failed: ${check}`);
  total.failed += failedChecks.length;
  const closing = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
  return { lines, closing, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const resultsDirectory = fileURLToPath(new URL('../../.ci-results/', import.meta.url));
  const { lines, closing, total } = summarize(resultsDirectory, process.argv.slice(2));
  console.log(lines.join('\n'));
  console.log(closing);
  process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
}
