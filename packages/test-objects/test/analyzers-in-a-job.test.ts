import { describe, expect, it } from 'vitest';
import { alpakaRun, fixture, shellCode } from './alpaka-run';

// The analyzers in a real alpaka-run job, found by type through the package's plugin manifest.
describe('the analyzers in an alpaka-run job', () => {
  it('pass products as TestAlgo fills them', () => {
    const run = alpakaRun(fixture('analyzer-job.ts'), []);
    expect(run.stderr).not.toContain('Fatal Exception');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Processed 4 events/m);
  });

  it("fail the job with category Assert (8001) and CMSSW's message on a wrong x value", () => {
    const run = alpakaRun(fixture('analyzer-job.ts'), [], ['wrongX']);
    expect(run.status).toBe(shellCode(8001));
    expect(run.stderr).toContain("An exception of category 'Assert' occurred while");
    expect(run.stderr).toContain("Calling method for module TestAlpakaAnalyzer/'analyzer'");
    expect(run.stderr).toContain('Index 4 expected value 2.5, got 3.5');
    expect(run.stderr).toContain(
      "module 'analyzer', event run: 1 lumi: 1 event: 3: field TestHostCollection x index 4 expected 2.5, seen 3.5",
    );
  });
});
