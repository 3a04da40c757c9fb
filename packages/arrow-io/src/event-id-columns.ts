import { type Data, makeData, Uint32, Uint64 } from 'apache-arrow';
import type { EventNumbers } from './layout-arrow-schema';

type Filled<T extends Uint32Array | BigUint64Array> = { values: T; value: number | bigint };

/**
 * Memory for the per-element columns every elements batch starts with (run, luminosityBlock, event, index),
 * reused from event to event: at 10^6 elements these are 20 MB per event, and fresh arrays cost more in first
 * touches of their pages than writing them out does. A column keeps its memory while it is long enough and is
 * refilled only when its value changes (the event number, every event; run and luminosity block rarely; the
 * index never). The price: a batch made with a cache views that memory, so it must be written before the cache
 * makes the next one, as ArrowOutputModule's synchronous writers do.
 */
export class EventIdColumns {
  #run: Filled<Uint32Array> = { values: new Uint32Array(0), value: 0 };
  #luminosityBlock: Filled<Uint32Array> = { values: new Uint32Array(0), value: 0 };
  #event: Filled<BigUint64Array> = { values: new BigUint64Array(0), value: 0n };
  #index = new Uint32Array(0);

  /** The run, luminosityBlock, event and index columns of `length` elements of the event `id`. */
  columns(id: EventNumbers, length: number): Data[] {
    this.#run = refilled(this.#run, id.run, length, (size) => new Uint32Array(size));
    this.#luminosityBlock = refilled(
      this.#luminosityBlock,
      id.luminosityBlock,
      length,
      (size) => new Uint32Array(size),
    );
    this.#event = refilled(this.#event, BigInt(id.event), length, (size) => new BigUint64Array(size));
    if (this.#index.length < length) {
      this.#index = new Uint32Array(length);
      for (let index = 0; index < length; index++) this.#index[index] = index;
    }
    const uint32 = (values: Uint32Array) => makeData({ type: new Uint32(), length, data: values.subarray(0, length) });
    return [
      uint32(this.#run.values),
      uint32(this.#luminosityBlock.values),
      makeData({ type: new Uint64(), length, data: this.#event.values.subarray(0, length) }),
      uint32(this.#index),
    ];
  }
}

function refilled<T extends Uint32Array | BigUint64Array>(
  filled: Filled<T>,
  value: number | bigint,
  length: number,
  allocate: (size: number) => T,
): Filled<T> {
  if (filled.values.length >= length && filled.value === value) return filled;
  // Growing to the largest size seen keeps the memory from being reallocated as sizes vary.
  const values = filled.values.length >= length ? filled.values : allocate(length);
  (values as unknown as { fill(value: number | bigint): void }).fill(value);
  return { values, value };
}
