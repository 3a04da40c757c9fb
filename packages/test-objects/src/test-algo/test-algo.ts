import {
  type Accelerator,
  type Buffer,
  divideUpBy,
  f64,
  InvalidArgumentError,
  i32,
  makeWorkDiv,
  type Queue,
} from '@alpaka-ts/interface';
import type {
  TestDeviceCollection,
  TestDeviceMultiCollection2,
  TestDeviceMultiCollection3,
  TestHostCollection,
  TestHostMultiCollection2,
  TestHostMultiCollection3,
} from '../data-formats/test-collections';
import { testCollectionFor, testMultiCollection2For, testMultiCollection3For } from '../data-formats/test-collections';
import type { TestDeviceObject, TestHostObject } from '../data-formats/test-objects';
import { TestStruct } from '../data-formats/test-objects';
import { enqueueCheckZeroVerdict, newCheckZeroRecord } from './check-zero';
import { structField } from './struct-fields';
import {
  testAlgoCheckZero2Kernel,
  testAlgoCheckZero3Kernel,
  testAlgoCheckZeroKernel,
} from './test-algo-check-zero-kernels';
import { testAlgoItemsPerGroup } from './test-algo-constants';
import {
  testAlgoFillKernel,
  testAlgoFillObjectKernel,
  testAlgoMultiKernel2,
  testAlgoMultiKernel3,
} from './test-algo-kernels';
import {
  testAlgoUpdateKernel,
  testAlgoUpdateMulti2Kernel,
  testAlgoUpdateMulti3Kernel,
} from './test-algo-update-kernels';
import { UpdateInfo } from './update-info';

export type AnyTestCollection = TestHostCollection | TestDeviceCollection;
export type AnyTestMultiCollection2 = TestHostMultiCollection2 | TestDeviceMultiCollection2;
export type AnyTestMultiCollection3 = TestHostMultiCollection3 | TestDeviceMultiCollection3;
export type AnyTestObject = TestHostObject | TestDeviceObject;

/**
 * ALPAKA_ACCELERATOR_NAMESPACE::TestAlgo: the kernels of HeterogeneousCore/AlpakaTest, written once, bound to the
 * backend by its accelerator (a module passes `this.runtime.accelerator()`; CMSSW compiles TestAlgo per backend).
 * Every method enqueues into the queue and returns at once; the promise rejects only when the launch itself is
 * refused (bad arguments, a kernel that does not compile), so modules await it to fail with that error.
 */
export class TestAlgo {
  constructor(readonly accelerator: Accelerator) {}

  /**
   * TestAlgo's work division for n elements: 64 items per group, divide_up_by(n, 64) groups (at least one);
   * items are threads on a GPU and elements of one thread on a CPU (make_workdiv). For kernels written beside
   * these (the ES data update) to launch the same way.
   */
  workDivision(elements: number) {
    return makeWorkDiv(
      this.accelerator,
      Math.max(divideUpBy(elements, testAlgoItemsPerGroup), 1),
      testAlgoItemsPerGroup,
    );
  }

  /** r = 1; row i = {xvalue, 0, 0, i, flags, matrix · i}. */
  fill(queue: Queue, collection: AnyTestCollection, xvalue = 0): Promise<void> {
    return queue.exec(this.workDivision(collection.size), testAlgoFillKernel, { v: collection.view(), xvalue });
  }

  /** Layout 0 as fill, layout 1 with r2 = 2: one launch per layout, each over its own size (as CMSSW's). */
  async fillMulti2(queue: Queue, collection: AnyTestMultiCollection2, xvalue = 0): Promise<void> {
    const [size = 0, size2 = 0] = collection.sizes;
    await queue.exec(this.workDivision(size), testAlgoFillKernel, { v: collection.view(0), xvalue });
    await queue.exec(this.workDivision(size2), testAlgoMultiKernel2, { v: collection.view(1), xvalue });
  }

  /** As fillMulti2, and layout 2 with r3 = 3. */
  async fillMulti3(queue: Queue, collection: AnyTestMultiCollection3, xvalue = 0): Promise<void> {
    const [size = 0, size2 = 0, size3 = 0] = collection.sizes;
    await queue.exec(this.workDivision(size), testAlgoFillKernel, { v: collection.view(0), xvalue });
    await queue.exec(this.workDivision(size2), testAlgoMultiKernel2, { v: collection.view(1), xvalue });
    await queue.exec(this.workDivision(size3), testAlgoMultiKernel3, { v: collection.view(2), xvalue });
  }

  /** One thread writes {x, y, z, id} into the object. */
  fillObject(queue: Queue, object: AnyTestObject, x: number, y: number, z: number, id: number): Promise<void> {
    const bytes = object.buffer;
    return queue.exec(makeWorkDiv(this.accelerator, 1, 1), testAlgoFillObjectKernel, {
      x: structField(bytes, TestStruct, 'x', f64),
      y: structField(bytes, TestStruct, 'y', f64),
      z: structField(bytes, TestStruct, 'z', f64),
      id: structField(bytes, TestStruct, 'id', i32),
      xvalue: x,
      yvalue: y,
      zvalue: z,
      idvalue: id,
    });
  }

  /** A new collection of the input's size: every field copied, x_i += update.x (`update`: UpdateInfo's bytes on the device). */
  async update(queue: Queue, input: AnyTestCollection, update: Buffer): Promise<AnyTestCollection> {
    const output = testCollectionFor(queue, input.size);
    await queue.exec(this.workDivision(input.size), testAlgoUpdateKernel, {
      input: input.constView(),
      output: output.view(),
      update: updateX(update),
    });
    return output;
  }

  /** update for both layouts of a Multi2, each of its own size. */
  async updateMulti2(queue: Queue, input: AnyTestMultiCollection2, update: Buffer): Promise<AnyTestMultiCollection2> {
    const [size = 0, size2 = 0] = input.sizes;
    const output = testMultiCollection2For(queue, [size, size2]);
    await queue.exec(this.workDivision(Math.max(size, size2)), testAlgoUpdateMulti2Kernel, {
      input: input.constView(0),
      input2: input.constView(1),
      output: output.view(0),
      output2: output.view(1),
      update: updateX(update),
    });
    return output;
  }

  /** update for the three layouts of a Multi3, each of its own size. */
  async updateMulti3(queue: Queue, input: AnyTestMultiCollection3, update: Buffer): Promise<AnyTestMultiCollection3> {
    const [size = 0, size2 = 0, size3 = 0] = input.sizes;
    const output = testMultiCollection3For(queue, [size, size2, size3]);
    await queue.exec(this.workDivision(Math.max(size, size2, size3)), testAlgoUpdateMulti3Kernel, {
      input: input.constView(0),
      input2: input.constView(1),
      input3: input.constView(2),
      output: output.view(0),
      output2: output.view(1),
      output3: output.view(2),
      update: updateX(update),
    });
    return output;
  }

  /**
   * Asserts, in a kernel of work division (1, 32), that every field of every layout is 0: a failure fails the
   * queue with a KernelExecutionError naming the first field and index that is not (check-zero.ts says how).
   */
  async checkZero(
    queue: Queue,
    collection: AnyTestCollection | AnyTestMultiCollection2 | AnyTestMultiCollection3,
  ): Promise<void> {
    const division = makeWorkDiv(this.accelerator, 1, 32);
    const record = newCheckZeroRecord(queue);
    const { checkBuffer, firstRow } = record;
    if ('sizes' in collection) {
      const layouts = collection.sizes.length;
      if (layouts > 3)
        throw new InvalidArgumentError(`checkZero: a collection of ${layouts} layouts is not a test collection.`);
      await queue.exec(division, testAlgoCheckZeroKernel, { v: collection.constView(0), firstRow }, { checkBuffer });
      await queue.exec(division, testAlgoCheckZero2Kernel, { v: collection.constView(1), firstRow }, { checkBuffer });
      if (layouts === 3)
        await queue.exec(division, testAlgoCheckZero3Kernel, { v: collection.constView(2), firstRow }, { checkBuffer });
    } else {
      await queue.exec(division, testAlgoCheckZeroKernel, { v: collection.constView(), firstRow }, { checkBuffer });
    }
    enqueueCheckZeroVerdict(queue, record, (collection.constructor as { name: string }).name);
  }
}

/** UpdateInfo's x, the one field update reads, as an int32 array over the struct's bytes. */
function updateX(update: Buffer): Buffer<typeof i32> {
  return structField(update, UpdateInfo, 'x', i32);
}
