import { type ElementType, isElementType } from './element-types';
import type { ArrayParameter, DeviceFunctionSourceV1, ParameterSpec, Signature, ViewParameter } from './kernel-source';

/** One data parameter of a kernel, sorted by what it is: what a launch passes for it. */
export type KernelParameterV1 =
  | { readonly name: string; readonly kind: 'scalar'; readonly elementType: ElementType }
  | { readonly name: string; readonly kind: 'array'; readonly spec: ArrayParameter }
  | { readonly name: string; readonly kind: 'view'; readonly spec: ViewParameter };

/**
 * A kernel's (or device function's) signature sorted once: the data parameters in signature order (scalars,
 * arrays, views), the constant() parameters the kernel is specialised for (fixed at compile time, not passed),
 * and the device functions it is given. The interface computes it once per kernel and every launch carries it
 * (KernelLaunchV1.shape), so the compiler, cache keys, launch plans and backends read one frozen shape instead
 * of each walking the signature with its own ladder over parameter kinds.
 */
export interface KernelShapeV1 {
  readonly parameters: readonly KernelParameterV1[];
  /** Names of the constant() parameters, in signature order (also listed in `parameters` as scalars). */
  readonly constants: readonly string[];
  readonly deviceFunctions: readonly { readonly name: string; readonly definition: DeviceFunctionSourceV1 }[];
}

// Keyed on the definition, not its signature object: definitions are frozen, and each is asked about by identity.
const shapes = new WeakMap<object, KernelShapeV1>();
// The last definition asked about: a loop launching one kernel skips the WeakMap (a GPU launch costs ~1 µs in all).
let lastDefinition: object | undefined;
let lastShape: KernelShapeV1 | undefined;

/**
 * The shape of a kernel's (KernelSourceV1) or device function's (DeviceFunctionSourceV1) signature, computed on
 * first use and frozen (definitions are frozen too), so a device function's signature is sorted once however many
 * kernels it is passed to.
 */
export function kernelShapeOf(definition: { readonly signature: Signature }): KernelShapeV1 {
  if (definition === lastDefinition && lastShape) return lastShape;
  let shape = shapes.get(definition);
  if (!shape) {
    const parameters: KernelParameterV1[] = [];
    const constants: string[] = [];
    const deviceFunctions: { name: string; definition: DeviceFunctionSourceV1 }[] = [];
    for (const [name, spec] of Object.entries(definition.signature) as Array<[string, ParameterSpec]>) {
      if (isElementType(spec)) parameters.push({ name, kind: 'scalar', elementType: spec });
      else if (spec.kind === 'constant') {
        parameters.push({ name, kind: 'scalar', elementType: spec.elementType });
        constants.push(name);
      } else if (spec.kind === 'array') parameters.push({ name, kind: 'array', spec });
      else if (spec.kind === 'view') parameters.push({ name, kind: 'view', spec });
      else deviceFunctions.push({ name, definition: spec });
    }
    shape = Object.freeze({
      parameters: Object.freeze(parameters.map((parameter) => Object.freeze(parameter))),
      constants: Object.freeze(constants),
      deviceFunctions: Object.freeze(deviceFunctions.map((entry) => Object.freeze(entry))),
    });
    shapes.set(definition, shape);
  }
  lastDefinition = definition;
  lastShape = shape;
  return shape;
}
