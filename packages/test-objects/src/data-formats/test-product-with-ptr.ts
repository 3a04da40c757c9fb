import { alpakaProductType } from '@alpaka-ts/core/alpaka';
import {
  type Buffer,
  computeLayout,
  type Device,
  defineLayout,
  f64,
  InvalidArgumentError,
  i32,
  memcpy,
  type Queue,
  registerCopyToHost,
} from '@alpaka-ts/interface';
import { PortableDeviceCollection, PortableHostCollection } from '@alpaka-ts/portable';

// DataFormats/PortableTestObjects/interface/TestProductWithPtr.h: a column `int buffer` and a scalar `int* ptr`
// pointing to buffer(0), which CopyToHost's postCopy re-points to the host copy's buffer.
//
// JavaScript has no raw pointers, so `ptr` holds an address as a number (an f64 scalar: exact up to 2^53, as
// wide as CMSSW's 64-bit pointer needs to be here). On host memory the address is where buffer(0) lies in the
// memory's ArrayBuffer: the host heap, which WebAssembly kernels address directly, so it is the very pointer a
// kernel would use, and readThroughPtr dereferences it there. Device memory has no address JavaScript or the
// backend contract can see (MemoryV1 exposes none), so each device allocation gets a base address of its own,
// above 2^40 where no host address lies: a device address copied to the host unchanged (no postCopy) points
// nowhere in host memory, and readThroughPtr says so instead of reading garbage, as a dangling pointer would.

/** TestProductWithPtrSoA: column int buffer, scalar int* ptr (an address, see above). */
export const TestProductWithPtrSoA = defineLayout('TestProductWithPtrSoA', [
  { kind: 'column', name: 'buffer', elementType: i32 },
  { kind: 'scalar', name: 'ptr', elementType: f64 },
]);

/** TestProductWithPtr<alpaka_common::DevHost>. */
export class TestProductWithPtrHost extends PortableHostCollection {
  static readonly productTypeName = 'portabletest::TestProductWithPtr<alpaka_common::DevHost>';
  constructor(size: number, hostOrQueue: Device | Queue) {
    super(TestProductWithPtrSoA, size, hostOrQueue);
  }
}

/** TestProductWithPtr<Device> of an accelerator. */
export class TestProductWithPtrDevice extends PortableDeviceCollection {
  static readonly productTypeName = 'portabletest::TestProductWithPtr<Device>';
  constructor(size: number, queue: Queue) {
    super(TestProductWithPtrSoA, size, queue);
  }
}

export const TestProductWithPtr = alpakaProductType(TestProductWithPtrHost, TestProductWithPtrDevice);

/** The product in the queue's memory space. */
export function testProductWithPtrFor(queue: Queue, size: number): TestProductWithPtrHost | TestProductWithPtrDevice {
  return queue.device.isHost ? new TestProductWithPtrHost(size, queue) : new TestProductWithPtrDevice(size, queue);
}

const deviceAddressBases = new WeakMap<Buffer['memory'], number>();
let nextDeviceAllocation = 0;

/** Where a device allocation starts in its device's address space (see the note above). */
function deviceBase(memory: Buffer['memory']): number {
  let base = deviceAddressBases.get(memory);
  if (base === undefined) {
    // 2^40 + 2^32 per allocation, wrapping after 2^12 of them so the address stays below 2^53.
    base = 2 ** 40 + (nextDeviceAllocation % 2 ** 12) * 2 ** 32;
    nextDeviceAllocation += 1;
    deviceAddressBases.set(memory, base);
  }
  return base;
}

/** The address of a byte of a buffer, in its device's address space. */
function addressOf(bytes: Buffer, byteOffset: number): number {
  const memory = bytes.memory;
  if (memory.hostArrayBuffer !== undefined) return (memory.hostByteOffset ?? 0) + bytes.byteOffset + byteOffset;
  return deviceBase(memory) + bytes.byteOffset + byteOffset;
}

const bufferColumnOffset = (size: number) => computeLayout(TestProductWithPtrSoA, size).field('buffer').offset;

/** &buffer(0) of the product, where it lies: what setPtrInTestProductWithPtr stores in ptr. */
export function addressOfBufferColumn(product: TestProductWithPtrHost | TestProductWithPtrDevice): number {
  return addressOf(product.buffer, bufferColumnOffset(product.size));
}

/** setPtrInTestProductWithPtr for a host product: ptr = &buffer(0). (Device products: the producer's kernel sets it.) */
export function setPtrInTestProductWithPtr(product: TestProductWithPtrHost): void {
  product.view().scalars.ptr = addressOfBufferColumn(product);
}

/**
 * ptr[i] on the host: element i of the int array ptr points to. A ptr that does not point to this product's
 * buffer column in host memory (a device address, a copy never re-pointed) is refused, naming what it holds.
 */
export function readThroughPtr(product: TestProductWithPtrHost, i: number): number {
  const view = product.constView();
  const address = view.scalars.ptr ?? Number.NaN;
  const memory = product.buffer.memory;
  const start = addressOf(product.buffer, 0);
  const end = start + product.buffer.length;
  if (memory.hostArrayBuffer === undefined || !(address >= start && address < end) || address % 4 !== 0)
    throw new InvalidArgumentError(
      `ptr holds ${address}, which is not an address in this product's host memory [${start}, ${end}): a device pointer CopyToHost's postCopy did not re-point?`,
    );
  if (!Number.isInteger(i) || i < 0 || i >= product.size || address + 4 * (i + 1) > end)
    throw new InvalidArgumentError(`ptr[${i}] lies outside the ${product.size} elements of the buffer column.`);
  return new Int32Array(memory.hostArrayBuffer, address + 4 * i, 1)[0] as number;
}

let registered = false;

/** TestProductWithPtr's CopyToHost: the bytes, then postCopy re-points ptr to the host copy's buffer. */
export function registerTestProductWithPtrCopies(): void {
  if (registered) return;
  registered = true;
  registerCopyToHost(TestProductWithPtrDevice, {
    copyAsync: (queue, source: TestProductWithPtrDevice) => {
      const copy = new TestProductWithPtrHost(source.size, queue);
      memcpy(queue, copy.buffer, source.buffer);
      return copy;
    },
    postCopy: (copy: TestProductWithPtrHost) => setPtrInTestProductWithPtr(copy),
    hostType: TestProductWithPtrHost,
  });
}
