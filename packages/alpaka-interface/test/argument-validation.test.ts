import { describe, expect, it } from 'vitest';
import type { MemoryV1 } from '../src/for-backends';
import {
  acceleratorOf,
  allocAsyncBuf,
  allocBuf,
  allocMappedBuf,
  allocMappedNoncachedBuf,
  array,
  computeLayout,
  copyToDevice,
  createView,
  defineLayout,
  type ElementType,
  f32,
  f64,
  fill,
  host,
  hostPlatform,
  InvalidArgumentError,
  kernel,
  makeWorkDiv,
  memcpy,
  memset,
  u8,
  u32,
  workDivision,
} from '../src/index';

const copyOnce = kernel('copyOnce', { x: array(f32) }, (_acc, { x }) => {
  x[0] = 1;
});

/** Calls `use` and returns the InvalidArgumentError's message, failing when it throws anything else or nothing. */
function refusal(use: () => unknown): string {
  try {
    use();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as Error).message;
  }
  throw new Error('expected an InvalidArgumentError, nothing was thrown');
}

describe('public functions given a wrong device, queue, event, work division, accelerator or element type', () => {
  it('name the argument and what was expected instead of reading a property of undefined', () => {
    const queue = host().createQueue();
    const buffer = allocBuf(host(), f32, 4);
    expect(refusal(() => allocBuf(undefined as never, f32, 4))).toMatch(
      /^allocBuf needs a Device .*, not undefined\.$/,
    );
    expect(refusal(() => allocBuf(host(), { kind: 'element' } as never, 4))).toMatch(
      /allocBuf needs an element type such as f32 as its type, not a plain object/,
    );
    expect(refusal(() => allocAsyncBuf(host() as never, f32, 4))).toMatch(
      /allocAsyncBuf needs a Queue .*, not a Device/,
    );
    expect(refusal(() => allocMappedBuf(host() as never, f32, 4))).toMatch(/allocMappedBuf needs a Platform/);
    expect(refusal(() => allocMappedBuf(hostPlatform(), f32, 4, {} as never))).toMatch(/needs a Queue/);
    expect(refusal(() => allocMappedNoncachedBuf(hostPlatform() as never, f32, 4))).toMatch(
      /allocMappedNoncachedBuf needs a Device/,
    );
    expect(refusal(() => allocMappedNoncachedBuf(host(), f32, 4, 5 as never))).toMatch(
      /takes its flags as an object \(\{ portable, mapped, writeCombined \}\), not a number/,
    );
    expect(refusal(() => allocMappedNoncachedBuf(host(), f32, 4, { pinned: true } as never))).toMatch(
      /'pinned' is not an allocation flag; the flags are portable, mapped, writeCombined/,
    );
    expect(refusal(() => allocMappedNoncachedBuf(host(), f32, 4, { mapped: 1 } as never))).toMatch(
      /the flag 'mapped' is true or false, not a number/,
    );
    expect(refusal(() => memcpy(undefined as never, buffer, buffer))).toMatch(/^memcpy needs a Queue/);
    expect(refusal(() => memset(null as never, buffer, 0))).toMatch(/^memset needs a Queue .*, not null/);
    expect(refusal(() => queue.record(undefined as never))).toMatch(/queue.record needs an Event/);
    expect(refusal(() => queue.waitFor({} as never))).toMatch(/queue.waitFor needs an Event .*, not a plain object/);
    expect(refusal(() => queue.enqueue('task' as never))).toMatch(/queue.enqueue needs a function, not a string/);
    expect(refusal(() => queue.enqueueCheck(42 as never))).toMatch(/queue.enqueueCheck needs a function, not a number/);
    expect(refusal(() => host().limits(undefined as never))).toMatch(/limits needs an accelerator/);
    expect(refusal(() => makeWorkDiv(undefined as never, 1, 1))).toMatch(/^makeWorkDiv needs an accelerator/);
    expect(refusal(() => workDivision({} as never, 1, 1, 1))).toMatch(/^workDivision needs an accelerator/);
    expect(refusal(() => acceleratorOf(undefined as never, 1))).toMatch(/acceleratorOf needs a backend/);
    expect(refusal(() => hostPlatform().device(0.5))).toMatch(/a device index is a non-negative integer/);
    expect(refusal(() => createView([1, 2] as never))).toMatch(/createView needs a typed array .*, not a Array/);
  });

  it('reject a launch with something else as its work division, before anything is enqueued', async () => {
    const queue = host().createQueue();
    const x = allocBuf(host(), f32, 1);
    await expect(queue.exec(undefined as never, copyOnce, { x })).rejects.toThrow(
      /kernel 'copyOnce': exec needs a work division .*, not undefined/,
    );
    await expect(queue.exec({ blocksPerGrid: [1] } as never, copyOnce, { x })).rejects.toThrow(InvalidArgumentError);
    expect(x.hostArray()[0]).toBe(0);
  });

  it('createQueue refuses a blocking option that is not a boolean', () => {
    expect(refusal(() => host().createQueue({ blocking: 'yes' as never }))).toMatch(
      /createQueue: blocking must be true or false .*, not a string \(yes\)/,
    );
    expect(refusal(() => host().createQueue(null as never))).toMatch(/createQueue takes options/);
    expect(host().createQueue({ blocking: false }).blocking).toBe(false);
  });

  it('copies refuse their arguments in the same way', async () => {
    expect(refusal(() => copyToDevice(undefined as never, {}))).toMatch(/copyToDevice needs a Queue/);
    await expect(Promise.resolve().then(() => copyToDevice(host().createQueue(), 5 as never))).rejects.toThrow(
      /copyToDevice needs a product object to copy, not a number/,
    );
  });
});

describe('fill follows the kernel scalars rule for values outside the element type', () => {
  it('refuses integers out of range and fractions for integer buffers, and changes nothing', () => {
    const queue = host().createQueue();
    const counts = allocBuf(host(), u32, 3);
    fill(queue, counts, 7);
    expect(refusal(() => fill(queue, counts, -1))).toMatch(
      /fill: u32\[3\] on .* is u32, and -1 is not a value of that type/,
    );
    expect(refusal(() => fill(queue, counts, 2 ** 32))).toMatch(/4294967296 is not a value/);
    expect(refusal(() => fill(queue, counts, 0.5))).toMatch(/0.5 is not a value/);
    expect(refusal(() => fill(queue, counts, '1' as never))).toMatch(/needs a number, but got a string/);
    expect([...counts.hostArray()]).toEqual([7, 7, 7]);
    fill(queue, counts, u32.convert(-1));
    expect([...counts.hostArray()]).toEqual([2 ** 32 - 1, 2 ** 32 - 1, 2 ** 32 - 1]);
  });
});

describe('a host queue', () => {
  it('refuses at enqueue a copy whose destination or source JavaScript cannot reach', () => {
    const queue = host().createQueue({ blocking: false });
    const hostDevice = host().implementation;
    const deviceMemory: MemoryV1 = {
      device: { ...hostDevice, name: 'a GPU', isHost: false },
      byteLength: 16,
      hostArrayBuffer: undefined,
    };
    const region = (memory: MemoryV1) => ({ memory, byteOffset: 0, rowPitchBytes: 16, slicePitchBytes: 16 });
    const buffer = allocBuf(host(), f32, 4);
    expect(refusal(() => queue.implementation.copy(region(deviceMemory), buffer.region(), [1, 1, 16]))).toMatch(
      /the copy destination is memory of a GPU, which a host queue cannot reach/,
    );
    expect(refusal(() => queue.implementation.copy(buffer.region(), region(deviceMemory), [1, 1, 16]))).toMatch(
      /the copy source is memory of a GPU/,
    );
    expect(refusal(() => queue.implementation.set(region(deviceMemory), 0, [1, 1, 16]))).toMatch(/memset destination/);
    expect(queue.isEmpty()).toBe(true);
  });

  it('refuses at enqueue a copy into a host buffer whose ArrayBuffer was detached', () => {
    const queue = host().createQueue({ blocking: false });
    const array = new Float32Array(4);
    const destination = createView(array);
    structuredClone(array.buffer, { transfer: [array.buffer] });
    expect(refusal(() => memcpy(queue, destination, allocBuf(host(), f32, 4)))).toMatch(
      /the copy destination is a host buffer whose ArrayBuffer was detached or shrunk/,
    );
    expect(queue.isEmpty()).toBe(true);
  });
});

describe('defineLayout refuses at definition', () => {
  const column = (name: string, elementType: ElementType = f32) => ({ kind: 'column' as const, name, elementType });
  it.each([
    ['assign', "a field cannot be named 'assign', a member every view has"],
    ['__proto__', "a field cannot be named '__proto__', a member of every JavaScript object"],
    ['constructor', "a field cannot be named 'constructor', a member of every JavaScript object"],
    ['float', "a field cannot be named 'float', a C++ keyword, which the CUDA and HIP kernels would not compile"],
    ['x__y', "a field cannot be named 'x__y', a name C++ reserves for its implementation"],
    ['_Hidden', "a field cannot be named '_Hidden', a name C++ reserves for its implementation"],
  ])('a field named %s', (name, message) => {
    expect(() => defineLayout('Clash', [column(name)])).toThrow(`layout 'Clash': ${message}. Rename it.`);
  });

  it('an unknown field kind, naming the kinds', () => {
    expect(() => defineLayout('Kinds', [{ kind: 'vector', name: 'v', elementType: f32 } as never])).toThrow(
      "layout 'Kinds', field 'v': the kind 'vector' is not one of column, scalar, arrayColumn, matrixColumn.",
    );
  });

  it('an alignment below its largest element, which would misalign columns for some sizes', () => {
    expect(() => defineLayout('Small', [column('a', u32), column('b', f64)], { alignment: 4 })).toThrow(
      "layout 'Small': the alignment 4 is smaller than its largest element (8 bytes), so some columns would start misaligned for some sizes; use an alignment of at least 8.",
    );
    // At least the largest element: every column of every size starts aligned.
    const four = defineLayout('Four', [column('a', u8), column('b', f32)], { alignment: 4 });
    for (let size = 0; size < 9; size++)
      for (const placed of computeLayout(four, size).fields) expect(placed.offset % 4).toBe(0);
  });
});
