import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pl from 'nodejs-polars';
import { describe, expect, it } from 'vitest';
import { hitsFor, writeHits } from './job-modules';

// CMSSW's rule for host data formats: a file is readable without the framework. Here a reader made by others
// (polars, from the npm registry) reads what ArrowOutputModule wrote, and every value is compared.
const folder = join(mkdtempSync(join(tmpdir(), 'arrow-polars-')), 'hits.arrow');
const events = [1, 2, 3, 4, 5];

const read = (name: string) => pl.readIPC(readFileSync(join(folder, name)));

describe('the files, read by polars', () => {
  it('hold every element, column and scalar the producer put, with its event', async () => {
    expect(await writeHits(folder, { events: events.length })).toBeUndefined();
    const elements = read('PortableHostCollection_producer__WRITE.elements.arrow');
    const eventsTable = read('PortableHostCollection_producer__WRITE.events.arrow');
    const expected = {
      run: [],
      luminosityBlock: [],
      event: [],
      index: [],
      x: [],
      good: [],
      flags: [],
      m: [],
    } as Record<string, unknown[]>;
    const scalars = { event: [] as number[], size: [] as number[], count: [] as number[] };
    for (const event of events) {
      const hits = hitsFor(event);
      const view = hits.constView();
      for (let i = 0; i < hits.size; i++) {
        expected.run?.push(1);
        expected.luminosityBlock?.push(1);
        expected.event?.push(event);
        expected.index?.push(i);
        expected.x?.push((view.columns.x as Float32Array)[i]);
        expected.good?.push((view.columns.good as Uint8Array)[i] === 1);
        expected.flags?.push(Array.from((view.columns.flags as Int16Array).subarray(i * 3, i * 3 + 3)));
        const matrix = view.matrix('m');
        expected.m?.push([matrix.get(i, 0, 0), matrix.get(i, 1, 0), matrix.get(i, 0, 1), matrix.get(i, 1, 1)]);
      }
      scalars.event.push(event);
      scalars.size.push(hits.size);
      scalars.count.push(view.scalars.count as number);
    }
    expect(elements.columns).toEqual(Object.keys(expected));
    for (const [name, values] of Object.entries(expected)) {
      expect(elements.getColumn(name).toArray().map(plain), name).toEqual(values);
    }
    expect(eventsTable.getColumn('event').toArray().map(Number)).toEqual(scalars.event);
    expect(eventsTable.getColumn('size').toArray()).toEqual(scalars.size);
    expect(eventsTable.getColumn('count').toArray()).toEqual(scalars.count);
    expect(read('int_producer_count_WRITE.events.arrow').getColumn('value').toArray()).toEqual(
      events.map((e) => e * 2),
    );
  });
});

/** A value as polars gives it, as plain JavaScript: uint64 as a number, a list as an array. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'object' && value !== null && 'length' in value) return Array.from(value as ArrayLike<unknown>);
  return value;
}
