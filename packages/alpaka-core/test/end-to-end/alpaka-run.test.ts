import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The built bin, run as a user runs it. Fixtures import '@alpaka-ts/core' by name (the package's own
// exports), so a configuration shares the runner's copy of the framework as an installed one does.
const bin = fileURLToPath(new URL('../../dist/alpaka-run.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'alpaka-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function alpakaRun(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  // A shell sees the exit code modulo 256, as with cmsRun (8006 reads as 70).
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('alpaka-run', () => {
  it("runs a configuration: pixeltrack's first and last lines, and CMSSW's TrigReport with wantSummary", () => {
    const run = alpakaRun(fixture('int-chain.ts'), '--wantSummary', '--progress', 'none');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Processing 100 events, with 1 concurrent events and 1 threads.');
    expect(lines[1]).toMatch(
      /^Processed 100 events in \d\.\d{6}e[+-]\d\d seconds, throughput [\d.e+]+ events\/s, CPU usage per thread: \d+\.\d%$/,
    );
    expect(run.stdout).toContain('TrigReport Events total = 100 passed = 100 failed = 0');
    expect(run.stdout).toMatch(/TrigReport +100 +100 +100 +0 +0 second/);
  });

  it('fails a job whose module reads a product nobody made with 8006 and the fatal exception frame', () => {
    const run = alpakaRun(fixture('missing-product.ts'), '--progress', 'none');
    expect(run.status).toBe(8006 % 256);
    expect(run.stderr).toContain("An exception of category 'ProductNotFound' occurred while");
    expect(run.stderr).toContain('   [1] Processing  Event run: 1 lumi: 1 event: 1 stream: 0\n');
    expect(run.stderr).toContain("   [3] Calling method for module AddIntsProducer/'second'\n");
    expect(run.stderr).toContain('Looking for type: int\nLooking for module label: missing\n');
    expect(run.stderr).toMatch(/----- End Fatal Exception -+\n$/);
  });

  it('passes trailing arguments to the configuration, and runs several streams', () => {
    const run = alpakaRun(
      fixture('arguments.ts'),
      '--numberOfStreams',
      '3',
      '--progress',
      'lines',
      '--',
      'events',
      '4',
    );
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Processing 4 events, with 3 concurrent events and 1 threads.');
    expect(run.stderr).toMatch(/Begin processing the 4th record. Run 7, Event [1-4], LumiSection 1 at /);
  });

  it('writes a Perfetto trace with a track per stream', () => {
    const trace = join(scratch, 'trace.json');
    const run = alpakaRun(fixture('int-chain.ts'), '--numberOfStreams', '2', '--progress', 'none', '--trace', trace);
    expect(run.status).toBe(0);
    const events = (JSON.parse(readFileSync(trace, 'utf8')) as { traceEvents: Array<Record<string, unknown>> })
      .traceEvents;
    const slices = events.filter((event) => event.ph === 'X' && event.name === 'second');
    expect(slices).toHaveLength(100);
    expect(new Set(slices.map((slice) => slice.tid)).size).toBe(2);
  });

  it('dumps the configuration with the defaults of the module descriptions inserted', () => {
    const run = alpakaRun(fixture('arguments.ts'), '--dump-config');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('process.source = cms.Source("EmptySource", {');
    expect(run.stdout).toContain('firstRun: cms.untracked.uint32(7)');
    expect(run.stdout).toContain('timeBetweenEvents: cms.untracked.uint64(5000000n)');
  });

  it('prints a module description and the known module types', () => {
    const help = alpakaRun('--help-module', 'EmptySource');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('firstLuminosityBlock');
    const list = alpakaRun('--list-modules');
    expect(list.stdout.split('\n')).toEqual(expect.arrayContaining(['EmptySource', 'EmptyESSource']));
  });

  it('ends a job whose ExternalWork holder is never released with a message naming it, instead of hanging', () => {
    const run = alpakaRun(fixture('stalled.ts'), '--progress', 'none', '--numberOfStreams', '2');
    expect(run.status).toBe(8018 % 256);
    expect(run.stderr).toContain("An exception of category 'EventProcessorFailure' occurred while");
    expect(run.stderr).toContain(
      "  stream 0: Event run: 1 lumi: 1 event: 3, waiting for ExternalWork Stuck/'stuck' (acquire returned, its holder was never released)\n",
    );
  });

  it("reports a configuration's mistake as CMSSW does, while constructing the EventProcessor (8009)", () => {
    const run = alpakaRun(fixture('bad-parameter.ts'));
    expect(run.status).toBe(8009 % 256);
    expect(run.stderr).toContain(
      '   [0] Constructing the EventProcessor\n' +
        "   [1] Validating configuration of module: class=EmptySource label='source'\n",
    );
    expect(run.stderr).toContain('Parameter "firstRun" should be defined as an untracked uint32.');
  });

  it('describes a type the configuration registers, given the configuration', () => {
    const help = alpakaRun(fixture('int-chain.ts'), '--help-module', 'AddIntsProducer');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('AddIntsProducer');
  });

  it("exits as cmsRun does without a configuration (7001), on bad flags (7000) and a configuration's error (7002)", () => {
    const none = alpakaRun();
    expect(none.status).toBe(7001 % 256);
    expect(none.stderr).toContain('alpaka-run: No configuration file given.');
    expect(alpakaRun('--bogus').status).toBe(7000 % 256);
    const both = alpakaRun(fixture('int-chain.ts'), '--maxEvents', '3', '--runForMinutes', '1');
    expect(both.status).toBe(7000 % 256);
    expect(both.stderr).toContain('Got both --maxEvents and --runForMinutes, please give only one of them');
    const nothing = alpakaRun(fixture('no-default.ts'));
    expect(nothing.status).toBe(7002 % 256);
    expect(nothing.stderr).toContain('its default export is undefined (the module has no default export)');
    const broken = alpakaRun(fixture('throws.ts'));
    expect(broken.status).toBe(7002 % 256);
    expect(broken.stderr).toContain('no such thing as BROKEN.options.nonsense');
  });
});
