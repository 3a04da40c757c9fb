import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { host } from '@alpaka-ts/interface';
import { PortableHostCollection } from '@alpaka-ts/portable';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { ArrowFileWriter } from '../src/arrow-file-writer';
import { collectionBatches, fillCollectionFromBatches } from '../src/collection-record-batches';
import { ElementsFileReader } from '../src/elements-file-reader';
import { filledHits, Hits } from './every-field-hits';

const scratch = mkdtempSync(join(tmpdir(), 'arrow-elements-'));
const sizes = [5, 0, 17];
const elementsFile = join(scratch, 'hits.elements.arrow');
const eventsFile = join(scratch, 'hits.events.arrow');
const originals = sizes.map((size, event) => filledHits(size, event + 1));
const readers: ElementsFileReader[] = [];
afterAll(() => Promise.all(readers.map((reader) => reader.close())));

async function writeFiles(): Promise<void> {
  const elements = new ArrowFileWriter(elementsFile);
  const events = new ArrowFileWriter(eventsFile);
  for (const [event, hits] of originals.entries()) {
    const batches = collectionBatches(Hits, hits.size, hits.buffer.hostArray(), { run: 1, luminosityBlock: 1, event });
    elements.write(batches.elements);
    events.write(batches.events);
  }
  await Promise.all([elements.close(), events.close()]);
}

const reader = (path: string) => {
  const made = new ElementsFileReader(path);
  readers.push(made);
  return made;
};

describe('ElementsFileReader.readColumnsInto', () => {
  it("places every column (bools, arrays, matrices) where apache-arrow's own reader puts it, bit for bit", async () => {
    await writeFiles();
    const direct = reader(elementsFile);
    const eventsTable = tableFromIPC(readFileSync(eventsFile));
    for (const [event, original] of originals.entries()) {
      const read = new PortableHostCollection(Hits, original.size, host());
      read.buffer.hostArray().fill(0xee);
      expect(await direct.readColumnsInto(event, Hits, original.size, read.buffer.hostArray())).toBe(true);
      const throughArrow = new PortableHostCollection(Hits, original.size, host());
      throughArrow.buffer.hostArray().fill(0xee);
      const row = {
        schema: eventsTable.schema,
        getChild: (name: string) => eventsTable.getChild(name)?.slice(event, event + 1) ?? null,
      };
      fillCollectionFromBatches(
        Hits,
        original.size,
        throughArrow.buffer.hostArray(),
        await direct.batch(event),
        row,
        0,
      );
      // The scalars are the events table's: copy them over before comparing the whole buffers.
      read.view().scalars.r = throughArrow.view().scalars.r;
      read.view().scalars.count = throughArrow.view().scalars.count;
      expect(Buffer.from(read.buffer.hostArray()).equals(Buffer.from(throughArrow.buffer.hostArray()))).toBe(true);
      expect(Array.from(read.view().columns.x ?? [])).toEqual(Array.from(original.view().columns.x ?? []));
      for (let i = 0; i < original.size; i++)
        expect(read.view().matrix('m').get(i, 1, 2)).toBe(original.view().matrix('m').get(i, 1, 2));
    }
  });

  it('refuses a size the batch does not hold, and a batch the file does not have, saying which', async () => {
    const direct = reader(elementsFile);
    const bytes = new PortableHostCollection(Hits, 6, host()).buffer.hostArray();
    await expect(direct.readColumnsInto(0, Hits, 6, bytes)).rejects.toThrow('record batch 0 holds 5 rows, not 6');
    await expect(direct.readColumnsInto(7, Hits, 6, bytes)).rejects.toThrow('it has no record batch 7');
    const missing = reader(join(scratch, 'missing.elements.arrow'));
    await expect(missing.readColumnsInto(0, Hits, 1, bytes)).rejects.toThrow('not a readable Arrow IPC file');
  });
});
