// How kernel values sit in WebAssembly: each scalar's kind, each element's size and load and store, each parameter's locals.
import { elementTypes } from '@alpaka-ts/interface';
import type { ScalarType, ValueType } from '../../types';
import type { ValueKind } from './binary-writer';
import { kindOf } from './numeric';
import { memoryAccess } from './opcodes';

export const scalarOf = (type: ValueType): ScalarType => (type.kind === 'scalar' ? type.scalar : 'f64');
// The interface's element types know their sizes (bool is one byte, a Uint8Array on the host).
export const elementBytes = (element: ScalarType): number => elementTypes[element].byteSize;
export const loadOf = (element: ScalarType) =>
  memoryAccess.load[element === 'bool' ? 'u8' : element === 'u32' ? 'i32' : element];
export const storeOf = (element: ScalarType) =>
  memoryAccess.store[
    element === 'bool' || element === 'u8' || element === 'i8'
      ? 'i8'
      : element === 'u16' || element === 'i16'
        ? 'i16'
        : element === 'u32'
          ? 'i32'
          : element
  ];

/**
 * WebAssembly kinds a parameter of `type` occupies: arrays pass their address and length (accesses are guarded),
 * views their field addresses, matrix strides, then the size.
 */
export function parameterKinds(type: ValueType): ValueKind[] {
  if (type.kind === 'scalar') return [kindOf(type.scalar)];
  if (type.kind === 'array') return ['i32', 'i32'];
  if (type.kind === 'view') {
    const matrices = type.layout.fields.filter((field) => field.kind === 'matrixColumn').length;
    return new Array(type.layout.fields.length + matrices + 1).fill('i32');
  }
  throw new Error(`internal error: a ${type.kind} parameter`);
}
