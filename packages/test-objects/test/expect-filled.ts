import type { PortableHostCollection } from '@alpaka-ts/portable';
import { expect } from 'vitest';
import { testAlgoFlags, testAlgoMatrix } from '../src/test-algo/test-algo-constants';

export type Fields = { x: string; y: string; z: string; id: string; m: string; r: string; flags?: string };
export const layout0: Fields = { x: 'x', y: 'y', z: 'z', id: 'id', m: 'm', r: 'r', flags: 'flags' };
export const layout1: Fields = { x: 'x2', y: 'y2', z: 'z2', id: 'id2', m: 'm2', r: 'r2' };
export const layout2: Fields = { x: 'x3', y: 'y3', z: 'z3', id: 'id3', m: 'm3', r: 'r3' };

type HostView = ReturnType<PortableHostCollection['view']>;

/** Every row as TestAlgo::fill leaves it, with x given per row; the matrix and flags from the exported constants. */
export function expectFilled(view: HostView, fields: Fields, r: number, x: (i: number) => number): void {
  expect(view.scalars[fields.r]).toBe(r);
  const columns = view.columns;
  for (let i = 0; i < view.size; i++) {
    expect([columns[fields.x]?.[i], columns[fields.y]?.[i], columns[fields.z]?.[i], columns[fields.id]?.[i]]).toEqual([
      x(i),
      0,
      0,
      i,
    ]);
    if (fields.flags) expect([...view.element(fields.flags, i)]).toEqual([...testAlgoFlags]);
    for (let row = 0; row < 3; row++)
      for (let column = 0; column < 6; column++)
        expect(view.matrix(fields.m).get(i, row, column)).toBe((testAlgoMatrix[row]?.[column] ?? Number.NaN) * i);
  }
}
