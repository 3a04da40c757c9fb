import { describe, expect, it } from 'vitest';
import { HostHeap, heapAlignment, hostHeap } from '../src/for-backends';
import { allocBuf, f32, host, InvalidArgumentError } from '../src/index';

// Sizes in alignment units, so the bookkeeping below reads the same whatever the alignment.
const unit = heapAlignment;

describe('the host heap', () => {
  it('carves 128-byte aligned, zeroed allocations, each with an ArrayBuffer object of its own', () => {
    expect(heapAlignment).toBe(128);
    const heap = new HostHeap(1);
    const first = heap.allocate(10);
    const second = heap.allocate(unit + 1);
    expect(first?.byteOffset).toBe(0);
    expect(second?.byteOffset).toBe(unit);
    expect(first?.arrayBuffer).not.toBe(second?.arrayBuffer);
    expect(heap.owns(first?.arrayBuffer)).toBe(true);
    expect(heap.owns(new SharedArrayBuffer(8))).toBe(false);
    expect(heap.bytesInUse).toBe(unit + 2 * unit);
  });

  it('reuses freed ranges first-fit, merges neighbours, gives the top back, and zeroes reused memory', () => {
    const heap = new HostHeap(1);
    const [a, b, c, d] = [unit, 2 * unit, unit, unit].map((bytes) => heap.allocate(bytes));
    new Uint8Array(b?.arrayBuffer as SharedArrayBuffer, b?.byteOffset, 2 * unit).fill(7);
    heap.release(a?.byteOffset as number, unit);
    heap.release(c?.byteOffset as number, unit);
    expect(heap.layout()).toEqual({
      free: [
        { offset: 0, size: unit },
        { offset: 3 * unit, size: unit },
      ],
      top: 5 * unit,
    });
    heap.release(b?.byteOffset as number, 2 * unit);
    expect(heap.layout()).toEqual({ free: [{ offset: 0, size: 4 * unit }], top: 5 * unit });
    const reused = heap.allocate(2 * unit);
    expect(reused?.byteOffset).toBe(0);
    expect([...new Uint8Array(reused?.arrayBuffer as SharedArrayBuffer, unit, unit)].every((byte) => byte === 0)).toBe(
      true,
    );
    heap.release(d?.byteOffset as number, unit);
    expect(heap.layout()).toEqual({ free: [], top: 2 * unit });
  });

  it('zeroes memory above the top that was written through the whole-heap buffer', () => {
    const heap = new HostHeap(1);
    const first = heap.allocate(unit);
    // An array over an allocation exposes the whole heap (a kernel or a program can write past its end).
    new Uint8Array(first?.arrayBuffer as SharedArrayBuffer, unit, unit).fill(9);
    const second = heap.allocate(unit);
    expect(second?.byteOffset).toBe(unit);
    expect([...new Uint8Array(second?.arrayBuffer as SharedArrayBuffer, unit, unit)].every((byte) => byte === 0)).toBe(
      true,
    );
  });

  it('refuses a request that is not a byte count, and stays usable after it', () => {
    const heap = new HostHeap(1);
    for (const bad of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY, '64' as unknown as number]) {
      expect(() => heap.allocate(bad)).toThrow(InvalidArgumentError);
      expect(() => heap.borrow(bad, () => 0)).toThrow(/not a byte count/);
    }
    const first = heap.allocate(unit);
    const second = heap.allocate(unit);
    expect(heap.layout()).toEqual({ free: [], top: 2 * unit });
    expect(second?.byteOffset).not.toBe(first?.byteOffset);
  });

  it('grows its memory without detaching earlier allocations, and lends scratch memory back', () => {
    const heap = new HostHeap(1);
    const small = heap.allocate(8);
    const view = new Float64Array(small?.arrayBuffer as SharedArrayBuffer, small?.byteOffset, 1);
    view[0] = 2.5;
    const large = heap.allocate(3 * 65536);
    expect(heap.memory.buffer.byteLength).toBeGreaterThanOrEqual(4 * 65536);
    expect(large?.byteOffset).toBe(unit);
    expect(view[0]).toBe(2.5);
    const borrowed = heap.borrow(1000, (offset) => {
      expect(heap.bytesInUse).toBe(unit + 3 * 65536 + 1024);
      return offset;
    });
    expect(borrowed?.result).toBe(unit + 3 * 65536);
    expect(heap.bytesInUse).toBe(unit + 3 * 65536);
  });

  it('holds the host platform buffers, whose arrays start at their place in it', () => {
    const buffer = allocBuf(host(), f32, 5);
    const values = buffer.hostArray();
    expect(hostHeap().owns(buffer.memory.hostArrayBuffer)).toBe(true);
    expect(values.buffer).toBe(buffer.memory.hostArrayBuffer);
    expect(values.byteOffset).toBe(buffer.memory.hostByteOffset);
    expect((buffer.memory.hostByteOffset ?? -1) % 128).toBe(0);
    expect([...values]).toEqual([0, 0, 0, 0, 0]);
    expect(buffer.memory.byteLength).toBe(20);
  });
});
