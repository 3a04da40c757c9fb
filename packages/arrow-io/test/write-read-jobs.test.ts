import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cms, type ParameterOverrides } from '@alpaka-ts/core';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { analyzed, hitsFor, readBack, runJob, writeHits } from './job-modules';
import { shapesFor, shapesRead } from './shape-modules';

const scratch = mkdtempSync(join(tmpdir(), 'arrow-jobs-'));

const writeJob = (fileName: string, events: number, options: { skipEvery?: number; outputCommands?: string[] } = {}) =>
  writeHits(fileName, { events, ...options });

function readJob(fileNames: string[], label: string, skipEvents = 0, selection: ParameterOverrides = {}) {
  return runJob((process) => {
    process.source = cms.Source('ArrowSource', {
      fileNames: cms.untracked.vstring(...fileNames),
      skipEvents: cms.untracked.uint32(skipEvents),
      ...selection,
    });
    process[label] = cms.EDAnalyzer('HitsReader');
    process.p = cms.Path(process[label]);
  }, 'READ');
}

describe('a job writes Arrow with ArrowOutputModule and another reads it back with ArrowSource', () => {
  it('gives the reader every product of every event bit for bit, and a product not put stays absent', async () => {
    const file = join(scratch, 'round-trip.arrow');
    expect(await writeJob(file, 6, { skipEvery: 3 })).toBeUndefined();
    expect(await readJob([file], 'reader')).toBeUndefined();
    const read = readBack.get('reader');
    expect([...(read?.keys() ?? [])]).toEqual([1, 2, 3, 4, 5, 6]);
    for (const event of [1, 2, 3, 4, 5, 6]) {
      const expected = event % 3 === 0 ? 'absent' : Array.from(hitsFor(event).buffer.hostArray());
      expect(read?.get(event)).toEqual({ hits: expected, count: event * 2 });
    }
  });

  it('writes a folder of Arrow IPC files that Arrow itself reads, with the event index and one file per table', async () => {
    const file = join(scratch, 'layout.arrow');
    await writeJob(file, 4);
    expect(readdirSync(file).sort()).toEqual([
      'PortableHostCollection_producer__WRITE.elements.arrow',
      'PortableHostCollection_producer__WRITE.events.arrow',
      'events.arrow',
      'int_producer_count_WRITE.events.arrow',
    ]);
    const index = tableFromIPC(readFileSync(join(file, 'events.arrow')));
    expect(Array.from(index.getChild('event') ?? [])).toEqual([1n, 2n, 3n, 4n]);
    const counts = tableFromIPC(readFileSync(join(file, 'int_producer_count_WRITE.events.arrow')));
    expect(Array.from(counts.getChild('value') ?? [])).toEqual([2, 4, 6, 8]);
    const elements = tableFromIPC(readFileSync(join(file, 'PortableHostCollection_producer__WRITE.elements.arrow')));
    expect(elements.batches.map((batch) => batch.numRows)).toEqual([4, 5, 6, 3]); // one batch per event
    expect(readdirSync(scratch).filter((name) => name.startsWith('layout.arrow.partial-'))).toEqual([]);
  });

  it("keeps only what outputCommands keep, CMSSW's last matching rule winning", async () => {
    const file = join(scratch, 'selected.arrow');
    await writeJob(file, 2, { outputCommands: ['drop *', 'keep *_producer_*_*', 'drop int_*_*_*'] });
    expect(readdirSync(file).filter((name) => name.startsWith('int_'))).toEqual([]);
    expect(readdirSync(file)).toContain('PortableHostCollection_producer__WRITE.events.arrow');
  });

  it('reads several files in order, skipping skipEvents events first', async () => {
    const first = join(scratch, 'first.arrow');
    const second = join(scratch, 'second.arrow');
    await writeJob(first, 3);
    await writeHits(second, { events: 2, firstEvent: 4 });
    expect(await readJob([first, second], 'chained', 2)).toBeUndefined();
    expect([...(readBack.get('chained')?.entries() ?? [])].map(([event, { count }]) => [event, count])).toEqual([
      [3, 6],
      [4, 8],
      [5, 10],
    ]);
  });

  it('reads an event held by two files once, from the first, as PoolSource skips duplicates', async () => {
    const file = join(scratch, 'twice.arrow');
    await writeJob(file, 3);
    expect(await readJob([file, file], 'twiceReader')).toBeUndefined();
    const read = readBack.get('twiceReader');
    expect([...(read?.keys() ?? [])]).toEqual([1, 2, 3]);
    for (const event of [1, 2, 3])
      expect(read?.get(event)?.hits).toEqual(Array.from(hitsFor(event).buffer.hostArray()));
  });

  it("takes a batch job's share by PoolSource's ranges and first event, skipEvents counting what they leave", async () => {
    const file = join(scratch, 'ranges.arrow');
    await writeJob(file, 10);
    const selected = async (label: string, skipEvents: number, selection: ParameterOverrides) => {
      expect(await readJob([file], label, skipEvents, selection)).toBeUndefined();
      return [...(readBack.get(label)?.keys() ?? [])];
    };
    const ranges = {
      eventsToProcess: cms.untracked.VEventRange('1:3-1:8'),
      eventsToSkip: cms.untracked.VEventRange('1:1:5'),
    };
    expect(await selected('byRanges', 1, ranges)).toEqual([4, 6, 7, 8]);
    const fromNine = { firstRun: cms.untracked.uint32(1), firstEvent: cms.untracked.uint32(9) };
    expect(await selected('fromNine', 0, fromNine)).toEqual([9, 10]);
    const lumis = { lumisToProcess: cms.untracked.VLuminosityBlockRange('1:2-1:max') };
    expect(await selected('noLumi', 0, lumis)).toEqual([]);
  });

  it('fails with FileReadError naming the file and the branch when an elements file is truncated', async () => {
    const file = join(scratch, 'truncated.arrow');
    await writeJob(file, 3);
    const elements = join(file, 'PortableHostCollection_producer__WRITE.elements.arrow');
    writeFileSync(elements, readFileSync(elements).subarray(0, 200));
    const failure = await readJob([file], 'truncatedReader');
    expect(failure?.category).toBe('FileReadError');
    expect(failure?.message).toContain(elements);
    expect(failure?.message).toContain('(branch PortableHostCollection_producer__WRITE)');
  });

  it('leaves, from a job that fails mid-run, a valid folder holding the events completed before the failure', async () => {
    const file = join(scratch, 'failed.arrow');
    const failure = await writeHits(file, { events: 6, failAt: 4 });
    expect(failure?.message).toContain('HitsProducer fails at event 4, as asked');
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(scratch).filter((name) => name.startsWith('failed.arrow.partial'))).toEqual([]);
    expect(await readJob([file], 'afterFailure')).toBeUndefined();
    const read = readBack.get('afterFailure');
    expect([...(read?.keys() ?? [])]).toEqual([1, 2, 3]);
    expect(read?.get(3)?.hits).toEqual(Array.from(hitsFor(3).buffer.hostArray()));
  });

  it('fails with FileReadError naming the file and the branch when a file is corrupted, not only cut short', async () => {
    const file = join(scratch, 'corrupted.arrow');
    await writeJob(file, 3);
    const events = join(file, 'PortableHostCollection_producer__WRITE.events.arrow');
    const bytes = readFileSync(events);
    // Overwrite the middle of the file (its schema and first batch) with garbage, keeping its length.
    bytes.fill(0x5a, 8, bytes.length - 16);
    writeFileSync(events, bytes);
    const failure = await readJob([file], 'corruptedReader');
    expect(failure?.category).toBe('FileReadError');
    expect(failure?.message).toContain(events);
  });

  it('fails with FileOpenError naming the folder when a file does not exist', async () => {
    const failure = await readJob([join(scratch, 'missing.arrow')], 'missingReader');
    expect(failure?.category).toBe('FileOpenError');
    expect(failure?.message).toContain('missing.arrow');
  });

  it('round-trips multi-layout collections and objects bit for bit, each layout a collection of its own', async () => {
    const file = join(scratch, 'shapes.arrow');
    const written = await runJob((process) => {
      process.source = cms.Source('EmptySource');
      process.maxEvents.input = 4;
      process.shapes = cms.EDProducer('ShapesProducer');
      process.output = cms.OutputModule('ArrowOutputModule', { fileName: cms.untracked.string(file) });
      process.p = cms.Path(process.shapes);
      process.e = cms.EndPath(process.output);
    }, 'WRITE');
    expect(written).toBeUndefined();
    expect(readdirSync(file).sort()).toEqual([
      'PortableHostMultiCollection_shapes__WRITE.events.arrow',
      'PortableHostMultiCollection_shapes__WRITE.part0.elements.arrow',
      'PortableHostMultiCollection_shapes__WRITE.part0.events.arrow',
      'PortableHostMultiCollection_shapes__WRITE.part1.elements.arrow',
      'PortableHostMultiCollection_shapes__WRITE.part1.events.arrow',
      'PortableHostObject_shapes__WRITE.events.arrow',
      'events.arrow',
    ]);
    const beam = tableFromIPC(readFileSync(join(file, 'PortableHostObject_shapes__WRITE.events.arrow')));
    expect(beam.get(1)?.toJSON()).toEqual({
      run: 1,
      luminosityBlock: 1,
      event: 2n,
      x: 2 / 7,
      y: Math.fround(2 / 9),
      id: 102,
    });
    const read = await runJob((process) => {
      process.source = cms.Source('ArrowSource', { fileNames: cms.untracked.vstring(file) });
      process.reader = cms.EDAnalyzer('ShapesReader');
      process.p = cms.Path(process.reader);
    }, 'READ');
    expect(read).toBeUndefined();
    for (const event of [1, 2, 3, 4]) {
      const { multi, beam: object } = shapesFor(event);
      expect(shapesRead.get(event)).toEqual({
        multi: Array.from(multi.buffer.hostArray()),
        sizes: multi.sizes,
        beam: Array.from(object.buffer.hostArray()),
      });
    }
  });
});
