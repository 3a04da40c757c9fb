import { describe, expect, it } from 'vitest';
import { EventIdColumns } from '../src/event-id-columns';

const valuesOf = (columns: ReturnType<EventIdColumns['columns']>) =>
  columns.map((data) => Array.from(data.values as ArrayLike<number | bigint>));

describe('EventIdColumns', () => {
  it('gives each event its own run, luminosity block, event and index values as sizes grow and shrink', () => {
    const cache = new EventIdColumns();
    expect(valuesOf(cache.columns({ run: 1, luminosityBlock: 2, event: 3 }, 2))).toEqual([
      [1, 1],
      [2, 2],
      [3n, 3n],
      [0, 1],
    ]);
    expect(valuesOf(cache.columns({ run: 1, luminosityBlock: 2, event: 4 }, 4))).toEqual([
      [1, 1, 1, 1],
      [2, 2, 2, 2],
      [4n, 4n, 4n, 4n],
      [0, 1, 2, 3],
    ]);
    const shrunk = cache.columns({ run: 5, luminosityBlock: 1, event: 9 }, 3);
    expect(shrunk.map((data) => data.length)).toEqual([3, 3, 3, 3]);
    expect(valuesOf(shrunk)).toEqual([
      [5, 5, 5],
      [1, 1, 1],
      [9n, 9n, 9n],
      [0, 1, 2],
    ]);
  });

  it('reuses its memory, so a batch made from it is valid only until its next use', () => {
    const cache = new EventIdColumns();
    const first = cache.columns({ run: 1, luminosityBlock: 1, event: 1 }, 3);
    const second = cache.columns({ run: 1, luminosityBlock: 1, event: 2 }, 3);
    expect(second[2]?.values.buffer).toBe(first[2]?.values.buffer);
    expect(Array.from(first[2]?.values as BigUint64Array)).toEqual([2n, 2n, 2n]);
  });
});
