#!/usr/bin/env node
// Issue 20's benchmark (BENCHMARKS.md): element access through an SoA view's row proxies against the typed
// arrays the proxies read, in the same run. Reading `view.at(i).x`, writing `view.at(i).x = v`, and
// `view.at(i).assign({ x, y, z, id })` (every column, checked) against `columns.x[i]` reads, writes, and the four
// typed-array stores, and reads across 64 views of the layout (a job's views, one per event); per element, median of the rounds. Goal: each within 10× of its typed-array reference.
//   node tools/benchmarks/soa-row-access.mjs [elements=100000] [rounds=7]
import { f64, i32 } from '@alpaka-ts/interface';
import { allocateView, defineLayout } from '@alpaka-ts/soa-template';

const [elements = 100_000, rounds = 7] = process.argv.slice(2).map(Number);
const Points = defineLayout('Points', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'y', elementType: f64 },
  { kind: 'column', name: 'z', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'r', elementType: f64 },
]);
const view = allocateView(Points, elements);
const checked = allocateView(Points, elements, { rangeChecking: 'enabled' });
for (const target of [view, checked]) for (let i = 0; i < elements; i++) target.columns.x[i] = i * 0.5;
const { x, y, z, id } = view.columns;
// A framework job makes a new collection, so a new view, every event: rows of every view of a layout must stay
// one class to V8, or the accessors turn megamorphic after a few events. 64 views of 1/64 of the elements each.
const slices = Array.from({ length: 64 }, () => allocateView(Points, Math.floor(elements / 64)));
const sliceColumns = slices.map((slice) => slice.columns.x);

// Each case returns a number that depends on every access, so none can be optimised away.
const typedRead = () => {
  let sum = 0;
  for (let i = 0; i < elements; i++) sum += x[i];
  return sum;
};
const cases = {
  'read x': {
    typed: typedRead,
    row: () => {
      let sum = 0;
      for (let i = 0; i < elements; i++) sum += view.at(i).x;
      return sum;
    },
  },
  'write x': {
    typed: () => {
      for (let i = 0; i < elements; i++) x[i] = i;
      return x[elements - 1];
    },
    row: () => {
      for (let i = 0; i < elements; i++) view.at(i).x = i;
      return x[elements - 1];
    },
  },
  'assign a row (4 columns)': {
    typed: () => {
      for (let i = 0; i < elements; i++) {
        x[i] = i;
        y[i] = 2 * i;
        z[i] = 3 * i;
        id[i] = i;
      }
      return y[elements - 1];
    },
    row: () => {
      for (let i = 0; i < elements; i++) view.at(i).assign({ x: i, y: 2 * i, z: 3 * i, id: i });
      return y[elements - 1];
    },
  },
  'read x, 64 views': {
    typed: () => {
      let sum = 0;
      for (const column of sliceColumns) for (let i = 0; i < column.length; i++) sum += column[i];
      return sum;
    },
    row: () => {
      let sum = 0;
      for (const slice of slices) for (let i = 0; i < slice.size; i++) sum += slice.at(i).x;
      return sum;
    },
  },
  'read x, range checking on': {
    typed: typedRead,
    row: () => {
      let sum = 0;
      for (let i = 0; i < elements; i++) sum += checked.at(i).x;
      return sum;
    },
  },
};

const nanosecondsPerElement = (run) => {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let repeat = 0; repeat < 10; repeat++) sink += run();
  const elapsed = Number(process.hrtime.bigint() - start);
  if (Number.isNaN(sink)) throw new Error('a case read NaN');
  return elapsed / (10 * elements);
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Markdown rows, as BENCHMARKS.md records them.
const lines = ['| access | typed array ns | row proxy ns | ratio (median) | rounds |', '|---|---|---|---|---|'];
for (const [name, { typed, row }] of Object.entries(cases)) {
  for (let warm = 0; warm < 3; warm++) nanosecondsPerElement(typed) + nanosecondsPerElement(row);
  const ratios = [];
  const typedTimes = [];
  const rowTimes = [];
  for (let round = 0; round < rounds; round++) {
    const typedTime = nanosecondsPerElement(typed);
    const rowTime = nanosecondsPerElement(row);
    typedTimes.push(typedTime);
    rowTimes.push(rowTime);
    ratios.push(rowTime / typedTime);
  }
  lines.push(
    `| ${name} | ${median(typedTimes).toFixed(2)} | ${median(rowTimes).toFixed(2)} | **${median(ratios).toFixed(2)}** | ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')} |`,
  );
}
console.log(`SoA row access, ${elements} elements, ${rounds} rounds, Node ${process.version}`);
console.log(lines.join('\n'));
