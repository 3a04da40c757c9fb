// How the C++ emitter names things: C types, CUDA's index components, and user identifiers.
import { elementTypes } from '@alpaka-ts/interface';
import type { ScalarType, ValueType } from '../../types';

// The interface's element types know their C names, as they know their sizes.
export const cTypeOf = (element: ScalarType): string => elementTypes[element].cType;

export const axisNames = ['x', 'y', 'z'];
export const scalarOf = (type: ValueType): ScalarType => (type.kind === 'scalar' ? type.scalar : 'u32');

/** User identifiers get a prefix, so no kernel name can collide with a C++ keyword or a CUDA builtin. */
export const cppName = (name: string): string => `v_${name.replace(/\$/g, '_S_')}`;
