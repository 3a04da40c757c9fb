import type { FunctionBuilder } from './function-builder';
import { memoryAccess, numeric, op } from './opcodes';

/**
 * Guarded element access for the WebAssembly emitter. Every array and view access tests its index against the
 * extent (the argument's length, the view's size times an array column's length, a shared array's length), so an
 * out-of-range store is dropped and an out-of-range load reads 0, exactly as the JavaScript emitter's typed
 * arrays do: without this, WebAssembly would write into the neighbouring buffer of the shared host heap while
 * JavaScript drops the store. The test is one unsigned compare and a well-predicted branch per access, which
 * still costs a memory-bound loop up to a third (BENCHMARKS.md), so an access the in-range analysis proved for the
 * launch is emitted without it in the unguarded variant. The bounds-checked variant also records the first
 * violation.
 */
export interface GuardedElement {
  /** Local holding 1 when the index is in range; undefined for an access proven in range, which is not tested. */
  readonly inRange: number | undefined;
  /** Local holding the element's byte address (meaningful only in range). */
  readonly address: number;
}

/** Pushes index · element size (the byte offset of element `index`). */
function byteOffset(builder: FunctionBuilder, index: number, elementBytes: number): void {
  builder.get(index);
  if (elementBytes > 1) {
    builder.i32(Math.log2(elementBytes));
    builder.emit(numeric.i32.shl);
  }
}

/**
 * From [base address] on the stack, the element's address for an access proven in range (in-range-accesses.ts):
 * no test, the code the emitter wrote before it guarded accesses.
 */
export function unguardedElement(builder: FunctionBuilder, index: number, elementBytes: number): GuardedElement {
  const address = builder.addLocal('i32');
  byteOffset(builder, index, elementBytes);
  builder.emit(numeric.i32.add);
  builder.set(address);
  return { inRange: undefined, address };
}

/**
 * From [base address] on the stack, with the index and the extent in locals, computes the element's address and
 * whether it is in range; the bounds-checked variant records a violation (site, index, extent) right away,
 * into the record at global `boundsGlobal`: [count, site + 1, index, extent], the first violation kept.
 */
export function guardElement(
  builder: FunctionBuilder,
  index: number,
  extent: number,
  elementBytes: number,
  record: { readonly boundsGlobal: number; readonly site: number } | undefined,
): GuardedElement {
  const inRange = builder.addLocal('i32');
  const address = builder.addLocal('i32');
  byteOffset(builder, index, elementBytes);
  builder.emit(numeric.i32.add);
  builder.set(address);
  builder.get(index);
  builder.get(extent);
  builder.emit(numeric.i32.ltU);
  if (record) {
    builder.tee(inRange);
    builder.emit(op.i32Eqz);
    builder.open(op.if);
    recordViolation(builder, record.boundsGlobal, record.site, index, extent);
    builder.close();
  } else builder.set(inRange);
  return { inRange, address };
}

function recordViolation(builder: FunctionBuilder, boundsGlobal: number, site: number, index: number, extent: number) {
  const [load, alignment] = memoryAccess.load.i32;
  const [store] = memoryAccess.store.i32;
  builder.getGlobal(boundsGlobal);
  builder.memory(load, alignment);
  builder.emit(op.i32Eqz);
  builder.open(op.if);
  builder.getGlobal(boundsGlobal);
  builder.i32(site + 1);
  builder.memory(store, alignment, 4);
  builder.getGlobal(boundsGlobal);
  builder.get(index);
  builder.memory(store, alignment, 8);
  builder.getGlobal(boundsGlobal);
  builder.get(extent);
  builder.memory(store, alignment, 12);
  builder.close();
  builder.getGlobal(boundsGlobal);
  builder.getGlobal(boundsGlobal);
  builder.memory(load, alignment);
  builder.i32(1);
  builder.emit(numeric.i32.add);
  builder.memory(store, alignment);
}
