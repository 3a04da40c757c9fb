import { f64, host } from '@alpaka-ts/interface';
import { PortableHostCollection } from '@alpaka-ts/portable';
import { defineLayout } from '@alpaka-ts/soa-template';
import { type FixedSizeList, RecordBatchFileWriter, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { collectionBatches, fillCollectionFromBatches } from '../src/collection-record-batches';
import { metadataKeys } from '../src/layout-arrow-schema';
import { filledHits, Hits } from './every-field-hits';

/** The two tables written to Arrow IPC files and read back, as a reader of the files would. */
function throughFiles(batches: ReturnType<typeof collectionBatches>) {
  const file = (batch: (typeof batches)['elements']) => RecordBatchFileWriter.writeAll([batch]).toUint8Array(true);
  return { elements: tableFromIPC(file(batches.elements)), events: tableFromIPC(file(batches.events)) };
}

describe('a portable host collection as Arrow tables', () => {
  it('round-trips every field, bit for bit, through Arrow IPC files', () => {
    const original = filledHits(37, 5);
    const { elements, events } = throughFiles(
      collectionBatches(Hits, 37, original.buffer.hostArray(), { run: 1, luminosityBlock: 2, event: 3 }),
    );
    const copy = new PortableHostCollection(Hits, 37, host());
    fillCollectionFromBatches(Hits, 37, copy.buffer.hostArray(), elements, events, 0);
    expect(Array.from(copy.buffer.hostArray())).toEqual(Array.from(original.buffer.hostArray()));
  });

  it('lays the tables out as documented: event ids, element index, typed columns, lists, scalars per event', () => {
    const hits = filledHits(3, 2);
    const { elements, events } = throughFiles(
      collectionBatches(Hits, 3, hits.buffer.hostArray(), { run: 7, luminosityBlock: 8, event: 9 }),
    );
    expect(elements.schema.fields.map((field) => `${field.name}:${field.type}`)).toEqual([
      'run:Uint32',
      'luminosityBlock:Uint32',
      'event:Uint64',
      'index:Uint32',
      'x:Float32',
      'good:Bool',
      'flags:FixedSizeList[4]<Int16>',
      'm:FixedSizeList[6]<Float64>',
      'charge:Uint8',
    ]);
    expect(elements.numRows).toBe(3);
    expect(elements.getChild('event')?.toArray()).toEqual(new BigUint64Array([9n, 9n, 9n]));
    expect(elements.getChild('index')?.toArray()).toEqual(new Uint32Array([0, 1, 2]));
    expect(Array.from(elements.getChild('good') ?? [])).toEqual([true, false, false]);
    // Element 1's matrix, column-major: (0,0) (1,0) (0,1) (1,1) (0,2) (1,2).
    expect(Array.from(elements.getChild('m')?.get(1) ?? [])).toEqual([3, 13, 103, 113, 203, 213]);
    expect((elements.schema.fields[7]?.type as FixedSizeList | undefined)?.listSize).toBe(6);
    expect(events.numRows).toBe(1);
    expect(events.get(0)?.toJSON()).toEqual({ run: 7, luminosityBlock: 8, event: 9n, size: 3, r: 2 / 3, count: -2 });
    const layout = JSON.parse(elements.schema.metadata.get(metadataKeys.layout) ?? '{}');
    expect(layout).toMatchObject({ name: 'ArrowTestHits', alignment: 128 });
    expect(layout.fields[3]).toEqual({ kind: 'matrixColumn', name: 'm', elementType: 'f64', rows: 2, columns: 3 });
    expect(events.schema.metadata.get(metadataKeys.table)).toBe('events');
  });

  it('writes an empty collection as no element rows and one events row of size 0', () => {
    const empty = new PortableHostCollection(Hits, 0, host());
    const { elements, events } = throughFiles(
      collectionBatches(Hits, 0, empty.buffer.hostArray(), { run: 1, luminosityBlock: 1, event: 1 }),
    );
    expect(elements.numRows).toBe(0);
    expect(events.getChild('size')?.get(0)).toBe(0);
  });

  it('refuses tables of another size or another layout, saying what they hold, and writes nothing', () => {
    const { elements, events } = throughFiles(
      collectionBatches(Hits, 4, filledHits(4, 1).buffer.hostArray(), { run: 1, luminosityBlock: 1, event: 1 }),
    );
    const tooLarge = new PortableHostCollection(Hits, 5, host());
    expect(() => fillCollectionFromBatches(Hits, 5, tooLarge.buffer.hostArray(), elements, events, 0)).toThrow(
      'the events table records 4 elements, not 5',
    );
    const Other = defineLayout('ArrowTestHits', [{ kind: 'column', name: 'x', elementType: f64 }]);
    const other = new PortableHostCollection(Other, 4, host());
    expect(() => fillCollectionFromBatches(Other, 4, other.buffer.hostArray(), elements, events, 0)).toThrow(
      /^the elements table holds layout 'ArrowTestHits' \(x: f32, good: bool, .*\), not 'ArrowTestHits' \(x: f64\)$/,
    );
    expect(other.buffer.hostArray().every((byte) => byte === 0)).toBe(true);
  });

  it('refuses element rows that are not the collection size, naming the column', () => {
    const id = { run: 1, luminosityBlock: 1, event: 1 };
    const { elements } = throughFiles(collectionBatches(Hits, 4, filledHits(4, 1).buffer.hostArray(), id));
    const { events } = throughFiles(collectionBatches(Hits, 5, filledHits(5, 1).buffer.hostArray(), id));
    const five = new PortableHostCollection(Hits, 5, host());
    expect(() => fillCollectionFromBatches(Hits, 5, five.buffer.hostArray(), elements, events, 0)).toThrow(
      "the column 'x' has 4 values where 5 are expected",
    );
  });
});
