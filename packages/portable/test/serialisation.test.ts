import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { f64, host, i16, i32 } from '@alpaka-ts/interface';
import { defineLayout } from '@alpaka-ts/soa-template';
import { describe, expect, it } from 'vitest';
import { deserialiseCollection, PortableHostCollection, serialiseCollection } from '../src/index';
import { resealed, withHeaderText } from './frame-editing';

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
      'import zlib',
      "assert data[:8] == b'ALPKSOA2'",
      "length, checksum = struct.unpack_from('<II', data, 8)",
      'start = (16 + length + 7) // 8 * 8',
      'assert zlib.crc32(data[16:16 + length] + data[start:]) == checksum',
      'header = json.loads(data[16:16 + length])',
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
      'not a serialised alpaka-ts collection: it does not start with ALPKSOA2.',
    );
    const version1 = new Uint8Array(bytes);
    version1.set(new TextEncoder().encode('ALPKSOA1'), 0);
    expect(() => deserialiseCollection(version1)).toThrow(
      'it is in frame version 1 (ALPKSOA1, without a checksum), which this version no longer reads; serialise it again.',
    );
  });

  // The changes the issue lists, each refused: by the checksum as written, and by the header's facts or the
  // data's length when the checksum is recomputed after the change.
  const bytes = serialiseCollection(filled(10));
  const checksumRefusal =
    /not a serialised alpaka-ts collection: the checksum disagrees \(written 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\): the bytes were changed or cut after writing\./;
  it.each([
    ['the size 10 → 11', withHeaderText(bytes, '"size":10', '"size":11')],
    ['a column f64 → f32', withHeaderText(bytes, '"type":"f64"', '"type":"f32"')],
    ['a renamed column', withHeaderText(bytes, '"name":"id"', '"name":"ident"')],
    ['the alignment enforcement', withHeaderText(bytes, '"alignmentEnforcement":false', '"alignmentEnforcement":true')],
    [
      'a flipped body byte',
      (() => {
        const flipped = new Uint8Array(bytes);
        flipped[flipped.length - 3] = (flipped[flipped.length - 3] as number) ^ 0x10;
        return flipped;
      })(),
    ],
    ['trailing garbage', Uint8Array.from([...bytes, 1, 2, 3, 4, 5, 6, 7, 8])],
    ['a cut file', bytes.subarray(0, bytes.length - 8)],
  ])('refuses %s by its checksum', (_, changed) => {
    expect(() => deserialiseCollection(changed)).toThrow(checksumRefusal);
  });

  // (10 → 11 elements, or an f64 column of 10 read as f32, take the same 128-byte-aligned bytes: with a recomputed
  // checksum those are consistent files, so these edits change what the layout's bytes are.)
  it.each([
    [
      'the size 10 → 17',
      { header: (text: string) => text.replace('"size":10', '"size":17') },
      'the offsets in the header disagree with the layout rules',
    ],
    [
      'an array column i16 → f64',
      { header: (text: string) => text.replace('"type":"i16"', '"type":"f64"') },
      'the offsets in the header disagree with the layout rules',
    ],
    [
      'a field byte size',
      { header: (text: string) => text.replace(/"byteSize":(\d+),"length"/, '"byteSize":1,"length"') },
      'the offsets in the header disagree with the layout rules',
    ],
    [
      'trailing garbage',
      { data: (data: Uint8Array) => Uint8Array.from([...data, 0, 0, 0, 0, 0, 0, 0, 0]) },
      "8 bytes follow the layout's",
    ],
    [
      'a cut file',
      { data: (data: Uint8Array) => data.subarray(0, data.length - 8) },
      /the data holds \d+ bytes; the layout needs \d+/,
    ],
    [
      'a layout that is not one',
      { header: (text: string) => text.replace('"name":"id"', '"name":"class"') },
      "the header's layout is not one: layout 'SerialisedSoA': a field cannot be named 'class'",
    ],
  ])('refuses %s when the checksum was recomputed, by the facts', (_, edit, message) => {
    expect(() => deserialiseCollection(resealed(bytes, edit))).toThrow(message);
  });
});
