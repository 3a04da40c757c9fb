import type { Queue } from '@alpaka-ts/interface';
import { testCollectionFor, testMultiCollection2For, testMultiCollection3For } from '../data-formats/test-collections';
import type { TestAlgo } from './test-algo';

/**
 * What TestAlpakaGlobalProducer and TestAlpakaStreamProducer put: a collection, a Multi2 and a Multi3 with every
 * layout of `size`, filled by TestAlgo with x = 0.
 */
export async function filledCollectionsOfSize(algo: TestAlgo, queue: Queue, size: number) {
  const collection = testCollectionFor(queue, size);
  const multi2 = testMultiCollection2For(queue, [size, size]);
  const multi3 = testMultiCollection3For(queue, [size, size, size]);
  await algo.fill(queue, collection);
  await algo.fillMulti2(queue, multi2);
  await algo.fillMulti3(queue, multi3);
  return { collection, multi2, multi3 };
}
