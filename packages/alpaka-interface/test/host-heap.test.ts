import { describe, expect, it } from 'vitest';
import { allocBuf, f32, HostHeap, heapAlignment, host, hostHeap } from '../src/index';

describe('the host heap', () => {
  it('carves 64-byte aligned, zeroed allocations, each with an ArrayBuffer object of its own', () => {
    const heap = new HostHeap(1);
    const first = heap.allocate(10);
    const second = heap.allocate(100);
    expect(first?.byteOffset).toBe(0);
    expect(second?.byteOffset).toBe(heapAlignment);
    expect(first?.arrayBuffer).not.toBe(second?.arrayBuffer);
    expect(heap.owns(first?.arrayBuffer)).toBe(true);
    expect(heap.owns(new SharedArrayBuffer(8))).toBe(false);
    expect(heap.bytesInUse).toBe(64 + 128);
  });

  it('reuses freed ranges first-fit, merges neighbours, gives the top back, and zeroes reused memory', () => {
    const heap = new HostHeap(1);
    const [a, b, c, d] = [64, 128, 64, 64].map((bytes) => heap.allocate(bytes));
    new Uint8Array(b?.arrayBuffer as SharedArrayBuffer, b?.byteOffset, 128).fill(7);
    heap.release(a?.byteOffset as number, 64);
    heap.release(c?.byteOffset as number, 64);
    expect(heap.layout()).toEqual({
      free: [
        { offset: 0, size: 64 },
        { offset: 192, size: 64 },
      ],
      top: 320,
    });
    heap.release(b?.byteOffset as number, 128);
    expect(heap.layout()).toEqual({ free: [{ offset: 0, size: 256 }], top: 320 });
    const reused = heap.allocate(100);
    expect(reused?.byteOffset).toBe(0);
    expect([...new Uint8Array(reused?.arrayBuffer as SharedArrayBuffer, 64, 64)].every((byte) => byte === 0)).toBe(
      true,
    );
    heap.release(d?.byteOffset as number, 64);
    expect(heap.layout()).toEqual({ free: [], top: 128 });
  });

  it('grows its memory without detaching earlier allocations, and lends scratch memory back', () => {
    const heap = new HostHeap(1);
    const small = heap.allocate(8);
    const view = new Float64Array(small?.arrayBuffer as SharedArrayBuffer, small?.byteOffset, 1);
    view[0] = 2.5;
    const large = heap.allocate(3 * 65536);
    expect(heap.memory.buffer.byteLength).toBeGreaterThanOrEqual(4 * 65536);
    expect(large?.byteOffset).toBe(64);
    expect(view[0]).toBe(2.5);
    const borrowed = heap.borrow(1000, (offset) => {
      expect(heap.bytesInUse).toBe(64 + 3 * 65536 + 1024);
      return offset;
    });
    expect(borrowed?.result).toBe(64 + 3 * 65536);
    expect(heap.bytesInUse).toBe(64 + 3 * 65536);
  });

  it('holds the host platform buffers, whose arrays start at their place in it', () => {
    const buffer = allocBuf(host(), f32, 5);
    const values = buffer.hostArray();
    expect(hostHeap().owns(buffer.memory.hostArrayBuffer)).toBe(true);
    expect(values.buffer).toBe(buffer.memory.hostArrayBuffer);
    expect(values.byteOffset).toBe(buffer.memory.hostByteOffset);
    expect([...values]).toEqual([0, 0, 0, 0, 0]);
    expect(buffer.memory.byteLength).toBe(20);
  });
});
