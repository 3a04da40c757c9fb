import { type Accelerator, array, divideUpBy, i32, kernel, makeWorkDiv, type Queue, view } from '@alpaka-ts/interface';
import {
  type AlpakaESTestDataADevice,
  type AlpakaESTestDataAHost,
  type AlpakaESTestDataDDevice,
  type AlpakaESTestDataDHost,
  alpakaESTestDataDFor,
} from '../data-formats/alpaka-es-test-data';
import type { AlpakaESTestDataBDevice, AlpakaESTestDataBHost } from '../data-formats/alpaka-es-test-data-b';
import { AlpakaESTestSoAA, AlpakaESTestSoAD } from '../data-formats/alpaka-es-test-soa';

// HeterogeneousCore/AlpakaTest/plugins/alpaka/testESAlgoAsync.dev.cc: the kernel of TestAlpakaESProducerD, run on
// the device record's queue: D's y = A's z + B's int, row by row, over the shorter of the two.

const sumAB = kernel(
  'testESAlgoAsync',
  { a: view(AlpakaESTestSoAA, 'in'), b: array(i32, 'in'), d: view(AlpakaESTestSoAD, 'out'), size: i32 },
  (acc, { a, b, d, size }) => {
    for (const i of acc.uniformElements(size)) d.y[i] = a.z[i] + b[i];
  },
);

/** Enqueues the kernel on `queue` and returns D (in the queue's memory space), of min(A's size, B's size) rows. */
export function testESAlgoAsync(
  queue: Queue,
  accelerator: Accelerator,
  dataA: AlpakaESTestDataAHost | AlpakaESTestDataADevice,
  dataB: AlpakaESTestDataBHost | AlpakaESTestDataBDevice,
): AlpakaESTestDataDHost | AlpakaESTestDataDDevice {
  const size = Math.min(dataA.size, dataB.size);
  const result = alpakaESTestDataDFor(queue, size);
  const items = 64;
  void queue.exec(makeWorkDiv(accelerator, divideUpBy(size, items), items), sumAB, {
    a: dataA.constView(),
    b: dataB.constBuffer(),
    d: result.view(),
    size,
  });
  return result;
}
