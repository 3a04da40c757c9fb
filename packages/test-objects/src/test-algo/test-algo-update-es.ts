import type { Queue } from '@alpaka-ts/interface';
import type { AlpakaESTestDataEDevice, AlpakaESTestDataEHost } from '../data-formats/alpaka-es-test-data-e';
import { testCollectionFor, testMultiCollection2For, testMultiCollection3For } from '../data-formats/test-collections';
import type { AnyTestCollection, AnyTestMultiCollection2, AnyTestMultiCollection3, TestAlgo } from './test-algo';
import {
  testAlgoUpdateESKernel,
  testAlgoUpdateESMulti2Kernel,
  testAlgoUpdateESMulti3Kernel,
} from './test-algo-update-es-kernels';

// TestAlgo::update / updateMulti2 / updateMulti3 with the E EventSetup data (CMSSW overloads TestAlgo::update on
// the argument type), with TestAlgo's work division (64 items per group). Each enqueues the kernel and returns the new collection in the queue's memory space; the
// promise rejects only when the launch is refused.

export type AnyAlpakaESTestDataE = AlpakaESTestDataEHost | AlpakaESTestDataEDevice;

/** The collection: every field copied, x_i += es.val(i) + es.val2(i) for i < es.size(). */
export async function updateWithES(
  algo: TestAlgo,
  queue: Queue,
  input: AnyTestCollection,
  esData: AnyAlpakaESTestDataE,
): Promise<AnyTestCollection> {
  const output = testCollectionFor(queue, input.size);
  const { e, data } = esData.constViews();
  await queue.exec(algo.workDivision(input.size), testAlgoUpdateESKernel, {
    input: input.constView(),
    output: output.view(),
    e,
    data,
  });
  return output;
}

/** The same for both layouts of a Multi2, each of its own size. */
export async function updateMulti2WithES(
  algo: TestAlgo,
  queue: Queue,
  input: AnyTestMultiCollection2,
  esData: AnyAlpakaESTestDataE,
): Promise<AnyTestMultiCollection2> {
  const [size = 0, size2 = 0] = input.sizes;
  const output = testMultiCollection2For(queue, [size, size2]);
  const { e, data } = esData.constViews();
  await queue.exec(algo.workDivision(Math.max(size, size2)), testAlgoUpdateESMulti2Kernel, {
    input: input.constView(0),
    input2: input.constView(1),
    output: output.view(0),
    output2: output.view(1),
    e,
    data,
  });
  return output;
}

/** The same for the three layouts of a Multi3, each of its own size. */
export async function updateMulti3WithES(
  algo: TestAlgo,
  queue: Queue,
  input: AnyTestMultiCollection3,
  esData: AnyAlpakaESTestDataE,
): Promise<AnyTestMultiCollection3> {
  const [size = 0, size2 = 0, size3 = 0] = input.sizes;
  const output = testMultiCollection3For(queue, [size, size2, size3]);
  const { e, data } = esData.constViews();
  await queue.exec(algo.workDivision(Math.max(size, size2, size3)), testAlgoUpdateESMulti3Kernel, {
    input: input.constView(0),
    input2: input.constView(1),
    input3: input.constView(2),
    output: output.view(0),
    output2: output.view(1),
    output3: output.view(2),
    e,
    data,
  });
  return output;
}
