#!/usr/bin/env node
// Issue 18's benchmark (BENCHMARKS.md): writing and reading a 10^6-element TestSoA-like collection per event for
// 100 events through arrow-io (an elements and an events table per event, the layer ArrowOutputModule and
// ArrowSource use), against writing and reading the same bytes with plain fs calls, in the same run.
// Throughput is collection bytes per second; the figures are arrow-io's / raw fs's, median of the rounds.
//   node tools/benchmarks/arrow-io-throughput.mjs [elements=1000000] [events=100] [rounds=3]
import { execFileSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ArrowFileWriter,
  collectionBatches,
  ElementsFileReader,
  EventIdColumns,
  fillScalarsFromEvents,
} from '@alpaka-ts/arrow-io';
import { f64, host, i32 } from '@alpaka-ts/interface';
import { PortableHostCollection } from '@alpaka-ts/portable';
import { defineLayout } from '@alpaka-ts/soa-template';
import { tableFromIPC } from 'apache-arrow';

const [elements = 1_000_000, events = 100, rounds = 3] = process.argv.slice(2).map(Number);
// TestSoA's columns and scalar without its matrix and array columns (kept small enough for 100 events on disk).
const TestSoALike = defineLayout('TestSoALike', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'y', elementType: f64 },
  { kind: 'column', name: 'z', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'r', elementType: f64 },
]);
const collection = new PortableHostCollection(TestSoALike, elements, host());
const view = collection.view();
for (let i = 0; i < elements; i++) {
  view.columns.x[i] = i * 0.5;
  view.columns.y[i] = -i;
  view.columns.z[i] = i / 3;
  view.columns.id[i] = i;
}
view.scalars.r = 1.25;
const bytes = collection.buffer.hostArray();
const totalBytes = bytes.byteLength * events;
const folder = mkdtempSync(join(tmpdir(), 'arrow-io-bench-'));
const seconds = (start) => (performance.now() - start) / 1000;
// Writes are timed to the disk (fsync), both ways: in the page cache alone, the larger of the two outputs would
// cross the kernel's dirty-page limit (vm.dirty_ratio) and be throttled where the smaller one is not. Each
// measurement starts with no dirty pages left by the one before (sync, untimed).
const flushDirtyPages = () => execFileSync('sync');
function fsyncFile(path) {
  const file = openSync(path, 'r+');
  fsyncSync(file);
  closeSync(file);
}

async function arrowWrite() {
  const start = performance.now();
  const elementsFile = new ArrowFileWriter(join(folder, 'b.elements.arrow'));
  const eventsFile = new ArrowFileWriter(join(folder, 'b.events.arrow'));
  // As ArrowOutputModule writes: the event id columns' memory reused, each batch written at once.
  const idColumns = new EventIdColumns();
  for (let event = 1; event <= events; event++) {
    const batches = collectionBatches(TestSoALike, elements, bytes, { run: 1, luminosityBlock: 1, event }, idColumns);
    elementsFile.write(batches.elements);
    eventsFile.write(batches.events);
  }
  await Promise.all([elementsFile.close(), eventsFile.close()]);
  fsyncFile(join(folder, 'b.elements.arrow'));
  fsyncFile(join(folder, 'b.events.arrow'));
  return seconds(start);
}

async function arrowRead() {
  // As ArrowSource reads a collection: the events table whole, each event's columns into the product's memory.
  const start = performance.now();
  const eventsTable = tableFromIPC(readFileSync(join(folder, 'b.events.arrow')));
  const reader = new ElementsFileReader(join(folder, 'b.elements.arrow'));
  const target = new PortableHostCollection(TestSoALike, elements, host());
  const targetBytes = target.buffer.hostArray();
  for (let event = 0; event < events; event++) {
    fillScalarsFromEvents(TestSoALike, elements, targetBytes, eventsTable, event);
    if (!(await reader.readColumnsInto(event, TestSoALike, elements, targetBytes)))
      throw new Error('arrow-io read the batch another way');
  }
  await reader.close();
  if (target.view().columns.id[elements - 1] !== elements - 1) throw new Error('arrow-io read back wrong values');
  return seconds(start);
}

function rawWrite() {
  const start = performance.now();
  const file = openSync(join(folder, 'raw.bin'), 'w');
  for (let event = 0; event < events; event++) writeSync(file, bytes);
  fsyncSync(file);
  closeSync(file);
  return seconds(start);
}

function rawRead() {
  const start = performance.now();
  const file = openSync(join(folder, 'raw.bin'), 'r');
  const target = new Uint8Array(bytes.byteLength);
  for (let event = 0; event < events; event++) readSync(file, target, 0, target.byteLength, event * target.byteLength);
  closeSync(file);
  return seconds(start);
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
const results = { write: [], read: [] };
for (let round = 0; round < rounds; round++) {
  flushDirtyPages();
  const rawWritten = rawWrite();
  flushDirtyPages();
  const raw = { write: rawWritten, read: rawRead() };
  flushDirtyPages();
  const arrowWritten = await arrowWrite();
  flushDirtyPages();
  const arrow = { write: arrowWritten, read: await arrowRead() };
  results.write.push({ raw: raw.write, arrow: arrow.write });
  results.read.push({ raw: raw.read, arrow: arrow.read });
}
rmSync(folder, { recursive: true, force: true });
const gigabytes = (time) => (totalBytes / time / 1e9).toFixed(2);
console.log(
  `arrow-io against raw fs: ${elements} elements (${(bytes.byteLength / 1e6).toFixed(1)} MB) × ${events} events, ${rounds} rounds`,
);
for (const way of ['write', 'read']) {
  const ratios = results[way].map(({ raw, arrow }) => raw / arrow);
  console.log(
    `${way.padEnd(5)}  arrow-io ${gigabytes(median(results[way].map((r) => r.arrow)))} GB/s, raw fs ${gigabytes(median(results[way].map((r) => r.raw)))} GB/s, ratio (median) ${median(ratios).toFixed(3)}  rounds: ${ratios.map((r) => r.toFixed(3)).join(' ')}`,
  );
}
