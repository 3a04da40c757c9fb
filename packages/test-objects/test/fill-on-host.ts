// Host products filled as TestAlgo's fill/fillMulti2/3 would fill them, written directly on the host, so the
// analyzers are tested on their own (without the producers of the other helpers).
import { host } from '@alpaka-ts/interface';
import type { SoaView } from '@alpaka-ts/soa-template';
import {
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from '../src/data-formats/test-collections';
import { TestHostObject } from '../src/data-formats/test-objects';
import { testAlgoFlags, testAlgoMatrix } from '../src/test-algo/test-algo-constants';

function fillLayout(view: SoaView, suffix: '' | '2' | '3', xvalue: number, withFlags: boolean): void {
  view.scalars[`r${suffix}`] = suffix === '' ? 1 : Number(suffix);
  const m = view.matrix(`m${suffix}`);
  for (let i = 0; i < view.size; i++) {
    (view.columns[`x${suffix}`] as Float64Array)[i] = xvalue;
    (view.columns[`y${suffix}`] as Float64Array)[i] = 0;
    (view.columns[`z${suffix}`] as Float64Array)[i] = 0;
    (view.columns[`id${suffix}`] as Int32Array)[i] = i;
    if (withFlags) view.element('flags', i).set(testAlgoFlags);
    testAlgoMatrix.forEach((row, r) => {
      row.forEach((value, c) => {
        m.set(i, r, c, value * i);
      });
    });
  }
}

export function filledCollection(size: number, xvalue = 0): TestHostCollection {
  const collection = new TestHostCollection(size, host());
  fillLayout(collection.view(), '', xvalue, true);
  return collection;
}

export function filledMulti2(sizes: readonly [number, number], xvalue = 0): TestHostMultiCollection2 {
  const multi = new TestHostMultiCollection2(sizes, host());
  fillLayout(multi.view(0), '', xvalue, false);
  fillLayout(multi.view(1), '2', xvalue, false);
  return multi;
}

export function filledMulti3(sizes: readonly [number, number, number], xvalue = 0): TestHostMultiCollection3 {
  const multi = new TestHostMultiCollection3(sizes, host());
  fillLayout(multi.view(0), '', xvalue, false);
  fillLayout(multi.view(1), '2', xvalue, false);
  fillLayout(multi.view(2), '3', xvalue, false);
  return multi;
}

export function filledObject(value: { x: number; y: number; z: number; id: number }): TestHostObject {
  const object = new TestHostObject(host());
  Object.assign(object.value, value);
  return object;
}
