import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countsOfReport, findReports, summarize } from '../ci/summarize-results.mjs';
import { writePackagesFolder } from './workspace-fixture';

const report = (passed: number, failed: number, pending = 0) =>
  JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: pending, testResults: [] });

describe('the CI summary', () => {
  it('finds the report of tools and of each package that has one', () => {
    const root = writePackagesFolder({
      'tools/test-results/vitest.json': report(1, 0),
      'packages/b/test-results/vitest.json': report(1, 0),
      'packages/a/test-results/vitest.json': report(1, 0),
      'packages/no-tests/src/index.ts': '',
    });
    expect(findReports(root).map(([name]) => name)).toEqual(['tools', 'packages/a', 'packages/b']);
  });

  it('sums every package report into the closing line', () => {
    const root = writePackagesFolder({ 'a.json': report(10, 0), 'b.json': report(5, 2, 1) });
    const { closing, lines } = summarize(
      [
        ['a', join(root, 'a.json')],
        ['b', join(root, 'b.json')],
      ],
      [],
    );
    expect(closing).toBe('15 passed, 2 failed, 1 skipped');
    expect(lines).toEqual(['  a: 10 passed, 0 failed, 0 skipped', '  b: 5 passed, 2 failed, 1 skipped']);
  });

  it('counts a failed repository check as a failure so the line is never green on a red run', () => {
    const root = writePackagesFolder({ 'a.json': report(3, 0) });
    expect(summarize([['a', join(root, 'a.json')]], ['lint', 'layering']).closing).toBe('3 passed, 2 failed');
  });

  it('counts a test file that failed to load', () => {
    const broken = { numPassedTests: 0, numFailedTests: 0, testResults: [{ status: 'failed', assertionResults: [] }] };
    expect(countsOfReport(broken)).toMatchObject({ passed: 0, failed: 0, brokenSuites: 1 });
  });
});
