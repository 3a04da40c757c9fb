import { bool, f32, f64, host, i16, i32, u8 } from '@alpaka-ts/interface';
import { PortableHostCollection } from '@alpaka-ts/portable';
import { defineLayout } from '@alpaka-ts/soa-template';

// Every kind of field: columns (bool among them), an array column, a matrix column, scalars.
export const Hits = defineLayout('ArrowTestHits', [
  { kind: 'column', name: 'x', elementType: f32 },
  { kind: 'column', name: 'good', elementType: bool },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 4 },
  { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 2, columns: 3 },
  { kind: 'column', name: 'charge', elementType: u8 },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'scalar', name: 'count', elementType: i32 },
]);

export function filledHits(size: number, seed: number): PortableHostCollection {
  const hits = new PortableHostCollection(Hits, size, host());
  const view = hits.view();
  const { x, good, flags, charge } = view.columns as Record<string, Float32Array & Uint8Array & Int16Array>;
  for (let i = 0; i < size; i++) {
    (x as Float32Array)[i] = Math.fround(seed + i * 0.1);
    (good as Uint8Array)[i] = i % 3 === 0 ? 1 : 0;
    for (let j = 0; j < 4; j++) (flags as Int16Array)[i * 4 + j] = (seed * 7 - i * 4 - j) | 0;
    (charge as Uint8Array)[i] = (seed + i) & 0xff;
    for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) view.matrix('m').set(i, r, c, seed + i + r * 10 + c * 100);
  }
  view.scalars.r = seed / 3;
  view.scalars.count = -seed;
  return hits;
}
