import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alpakaRun, configuration, shellCode } from './alpaka-run';

// testHeterogeneousCoreAlpakaTestWriteRead.sh on serial_sync: writer.ts writes every product of both producers
// into an Arrow folder, reader.ts reads them back and its analyzers check them as the writer's did.
const folder = join(mkdtempSync(join(tmpdir(), 'alpaka-write-read-')), 'test.arrow');

describe('the AlpakaTest writer and reader', () => {
  it("round-trip TestAlpakaProducer's products through Arrow files on serial_sync", () => {
    const written = alpakaRun(
      configuration('writer.ts'),
      ['--wantSummary'],
      ['--accelerators=cpu', `--fileName=${folder}`],
    );
    expect(written.stderr).not.toContain('Fatal Exception');
    expect(written.status).toBe(0);
    expect(written.stdout).toContain('TrigReport Events total = 10 passed = 10 failed = 0');
    // Both producers' collection, Multi2, Multi3, object and backend, one branch each.
    const branches = readdirSync(folder).filter((name) => /\.events\.arrow$/.test(name) && !/\.part\d/.test(name));
    expect(branches.sort()).toEqual(
      ['testProducer', 'testProducerSerial']
        .flatMap((label) =>
          [
            `portabletestTestHostCollection_${label}__TEST`,
            `portabletestTestHostMultiCollection2_${label}__TEST`,
            `portabletestTestHostMultiCollection3_${label}__TEST`,
            `portabletestTestHostObject_${label}__TEST`,
            `unsignedshort_${label}_backend_TEST`,
          ].map((branch) => `${branch}.events.arrow`),
        )
        .sort(),
    );
    expect(readdirSync(folder)).toContain('events.arrow');
    const read = alpakaRun(configuration('reader.ts'), ['--wantSummary'], [`--fileName=${folder}`]);
    expect(read.stderr).not.toContain('Fatal Exception');
    expect(read.status).toBe(0);
    expect(read.stdout).toContain('TrigReport Events total = 10 passed = 10 failed = 0');
  });

  it('fails the reader with FileOpenError when there is nothing to read', () => {
    const read = alpakaRun(configuration('reader.ts'), [], [`--fileName=${join(folder, 'missing.arrow')}`]);
    expect(read.status).toBe(shellCode(8020));
    expect(read.stderr).toContain("An exception of category 'FileOpenError' occurred");
  });
});
