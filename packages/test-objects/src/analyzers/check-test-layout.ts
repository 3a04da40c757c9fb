import type { AnySoaView } from '@alpaka-ts/soa-template';
import { testAlgoFlags, testAlgoMatrix, testAlgoScalars } from '../test-algo/test-algo-constants';
import { assertFailure, type CheckPlace } from './analyzer-failure';

/** Which of TestSoA, TestSoA2, TestSoA3 a view is: its fields carry this suffix (x, x2, x3). */
export type TestLayoutSuffix = '' | '2' | '3';

export interface TestLayoutExpectations {
  /** The x values, cycled with i % n; empty: not checked (CMSSW's expectXvalues). */
  readonly expectXvalues: readonly number[];
  /** Whether the layout has TestSoA's flags column (the single collection's layout only). */
  readonly checkFlags: boolean;
}

/** The value of scalar r, r2, r3 that TestAlgo's fill writes. */
const expectedScalar: Record<TestLayoutSuffix, number> = {
  '': testAlgoScalars.r,
  '2': testAlgoScalars.r2,
  '3': testAlgoScalars.r3,
};

/**
 * What TestAlpakaAnalyzer checks of one layout of a host product: the views agree on where each field lives,
 * the scalar is TestAlgo's, and each row i is {x (as expected), 0, 0, i, flags, matrix·i}. `product` names
 * the product and layout in the messages ("TestHostMultiCollection3 layout 1").
 */
export function checkTestLayout(
  place: CheckPlace,
  product: string,
  suffix: TestLayoutSuffix,
  views: readonly AnySoaView[],
  expectations: TestLayoutExpectations,
): void {
  const [view] = views;
  if (view === undefined) return;
  for (const other of views) checkViewAddresses(place, product, view, other);
  const name = (field: string) => `${product} ${field}${suffix}`;
  const assertThat = (ok: boolean, field: string, index: number | undefined, expected: unknown, seen: unknown) => {
    if (!ok) {
      const where = index === undefined ? '' : ` at index ${index}`;
      throw assertFailure(place, `Check failed: ${name(field)}${where} is not what TestAlgo wrote`, {
        field: name(field),
        ...(index === undefined ? {} : { index }),
        expected,
        seen,
      });
    }
  };
  const r = view.scalars[`r${suffix}`];
  assertThat(r === expectedScalar[suffix], 'r', undefined, expectedScalar[suffix], r);
  const x = column(view, `x${suffix}`);
  const y = column(view, `y${suffix}`);
  const z = column(view, `z${suffix}`);
  const id = column(view, `id${suffix}`);
  const m = view.matrix(`m${suffix}`);
  const { expectXvalues } = expectations;
  for (let i = 0; i < view.size; i++) {
    if (expectXvalues.length > 0) {
      const expected = expectXvalues[i % expectXvalues.length] as number;
      if (x[i] !== expected) {
        // CMSSW's message, then where.
        throw assertFailure(place, `Index ${i} expected value ${expected}, got ${x[i]}`, {
          field: name('x'),
          index: i,
          expected,
          seen: x[i],
        });
      }
    }
    assertThat(y[i] === 0, 'y', i, 0, y[i]);
    assertThat(z[i] === 0, 'z', i, 0, z[i]);
    assertThat(id[i] === i, 'id', i, i, id[i]);
    if (expectations.checkFlags) {
      const flags = view.element('flags', i);
      const same = flags.length === testAlgoFlags.length && testAlgoFlags.every((flag, k) => flags[k] === flag);
      assertThat(same, 'flags', i, testAlgoFlags, flags);
    }
    testAlgoMatrix.forEach((row, r) => {
      row.forEach((coefficient, c) => {
        const seen = m.get(i, r, c);
        assertThat(seen === coefficient * i, `m(${r},${c})`, i, coefficient * i, seen);
      });
    });
  }
}

function column(view: AnySoaView, name: string): ArrayLike<number> {
  const values = view.columns[name];
  if (values === undefined) throw new Error(`internal error: ${view.schema.name} has no column ${name}`);
  return values as ArrayLike<number>;
}

/**
 * CMSSW's checkViewAddresses: `metadata().addressOf_c() == v.c() == &v.c(0) == &v[0].c()`. Here an address is
 * a byte offset in the buffer: the view's metadata().addressOf(c) must be the layout's offset of the field, the
 * column accessor's typed array must start there, and so must the row accessor at(0)'s values; a second view of
 * the same product (view() beside constView()) must see the same bytes.
 */
function checkViewAddresses(place: CheckPlace, product: string, reference: AnySoaView, view: AnySoaView): void {
  const fail = (field: string, expected: unknown, seen: unknown) =>
    assertFailure(place, `Check failed: the views of ${product} disagree on where ${field} is`, {
      field: `${product} ${field}`,
      expected,
      seen,
    });
  if (view.arrayBuffer !== reference.arrayBuffer || view.byteOffset !== reference.byteOffset) {
    throw fail('the data', `byte ${reference.byteOffset}`, `byte ${view.byteOffset} of another buffer`);
  }
  const row = view.size > 0 ? view.at(0) : undefined;
  const metadata = view.metadata();
  for (const placed of view.layout.fields) {
    const { field } = placed;
    // CMSSW's metadata().addressOf_c(), here a byte offset; it must be where the layout puts the field.
    const address = metadata.addressOf(field.name);
    if (address !== view.byteOffset + placed.offset)
      throw fail(`${field.name} (metadata)`, `byte ${view.byteOffset + placed.offset}`, `byte ${address}`);
    let seen: number;
    if (field.kind === 'matrixColumn') seen = view.matrix(field.name).coefficient(0, 0).byteOffset;
    else if (field.kind === 'scalar')
      continue; // a scalar has no element or row accessor (as in CMSSW)
    else seen = (view.columns[field.name] as { byteOffset: number }).byteOffset;
    if (seen !== address) throw fail(field.name, `byte ${address}`, `byte ${seen}`);
    if (row !== undefined && field.kind === 'column' && row[field.name] !== view.columns[field.name]?.[0]) {
      throw fail(`${field.name} (row 0)`, view.columns[field.name]?.[0], row[field.name]);
    }
    if (row !== undefined && field.kind === 'arrayColumn') {
      const element = row[field.name] as { byteOffset: number };
      if (element.byteOffset !== address)
        throw fail(`${field.name} (row 0)`, `byte ${address}`, `byte ${element.byteOffset}`);
    }
  }
}
