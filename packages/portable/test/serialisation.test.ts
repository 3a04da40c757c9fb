import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { f64, host, i16, i32 } from '@alpaka-ts/interface';
import { defineLayout } from '@alpaka-ts/soa-template';
import { describe, expect, it } from 'vitest';
import { deserialiseCollection, PortableHostCollection, serialiseCollection } from '../src/index';

// Every kind of field (CMSSW's TestSoA itself is @alpaka-ts/test-objects', which depends on this package).
const testSoA = defineLayout('SerialisedSoA', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 4 },
  { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 3, columns: 6 },
]);

function filled(size: number): PortableHostCollection {
  const collection = new PortableHostCollection(testSoA, size, host());
  const view = collection.view();
  for (let i = 0; i < size; i++) {
    view.at(i).assign({
      x: i * 1.25,
      id: -i,
      flags: [i, i + 1, i + 2, i + 3],
      m: Array.from({ length: 18 }, (_, k) => i * 100 + k),
    });
  }
  view.scalars.r = 6.5;
  return collection;
}

describe('serialised collections', () => {
  it('round-trip every field kind byte for byte, at several sizes', () => {
    for (const size of [0, 1, 17]) {
      const original = filled(size);
      const copy = deserialiseCollection(serialiseCollection(original));
      expect(copy.size).toBe(size);
      expect(copy.schema).toEqual(original.schema);
      expect(copy.buffer.hostArray()).toEqual(original.buffer.hostArray());
      expect(copy.view().scalars.r).toBe(6.5);
      if (size > 16) expect(copy.view().matrix('m').get(16, 2, 5)).toBe(1600 + 17);
    }
  });

  it('can be read without alpaka-ts: a Python reader with only the standard library finds the columns', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'alpaka-soa-')), 'hits.soa');
    writeFileSync(file, serialiseCollection(filled(5)));
    const reader = [
      'import json, struct, sys',
      "data = open(sys.argv[1], 'rb').read()",
      "assert data[:8] == b'ALPKSOA1'",
      "length = struct.unpack_from('<I', data, 8)[0]",
      'header = json.loads(data[12:12 + length])',
      'start = (12 + length + 7) // 8 * 8',
      "fields = {field['name']: field for field in header['fields']}",
      "x = struct.unpack_from('<5d', data, start + fields['x']['offset'])",
      "r = struct.unpack_from('<d', data, start + fields['r']['offset'])[0]",
      "m = fields['m']; coefficient = 5 * 3 + 2",
      "m25 = struct.unpack_from('<d', data, start + m['offset'] + coefficient * m['coefficientStride'] + 4 * 8)[0]",
      'print(json.dumps({"size": header["size"], "x": list(x), "r": r, "m_4_2_5": m25}))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', reader, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ size: 5, x: [0, 1.25, 2.5, 3.75, 5], r: 6.5, m_4_2_5: 400 + 17 });
  });

  it('refuses what is not a serialised collection, saying why', () => {
    const bytes = serialiseCollection(filled(3));
    expect(() => deserialiseCollection(new Uint8Array(20))).toThrow(
      'not a serialised alpaka-ts collection: it does not start with ALPKSOA1.',
    );
    expect(() => deserialiseCollection(bytes.subarray(0, bytes.length - 8))).toThrow(
      /the data holds \d+ bytes; the layout needs \d+/,
    );
    const text = new TextDecoder().decode(bytes.subarray(12, 12 + new DataView(bytes.buffer).getUint32(8, true)));
    const tampered = new Uint8Array(bytes);
    const at = text.indexOf('"offset":128');
    tampered[12 + at + 10] = '9'.charCodeAt(0);
    expect(() => deserialiseCollection(tampered)).toThrow('the offsets in the header disagree with the layout rules');
  });
});
