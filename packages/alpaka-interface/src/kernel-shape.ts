import { type ElementType, isElementType } from './element-types';
import type {
  ArrayParameter,
  DeviceFunctionSourceV1,
  KernelSourceV1,
  ParameterSpec,
  ViewParameter,
} from './kernel-source';

/** One data parameter of a kernel, sorted by what it is: what a launch passes for it. */
export type KernelParameterV1 =
  | { readonly name: string; readonly kind: 'scalar'; readonly elementType: ElementType }
  | { readonly name: string; readonly kind: 'array'; readonly spec: ArrayParameter }
  | { readonly name: string; readonly kind: 'view'; readonly spec: ViewParameter };

/**
 * A kernel's signature sorted once: the data parameters in signature order (scalars, arrays, views), the
 * constant() parameters the kernel is specialised for (fixed at compile time, not passed), and the device
 * functions it is given. The interface computes it once per kernel and every launch carries it
 * (KernelLaunchV1.shape), so the compiler, cache keys, launch plans and backends read one frozen shape instead
 * of each walking the signature with its own ladder over parameter kinds.
 */
export interface KernelShapeV1 {
  readonly parameters: readonly KernelParameterV1[];
  /** Names of the constant() parameters, in signature order (also listed in `parameters` as scalars). */
  readonly constants: readonly string[];
  readonly deviceFunctions: readonly { readonly name: string; readonly definition: DeviceFunctionSourceV1 }[];
}

const shapes = new WeakMap<KernelSourceV1, KernelShapeV1>();
// The last kernel asked about: a loop launching one kernel skips the WeakMap (a GPU launch costs ~1 µs in all).
let lastKernel: KernelSourceV1 | undefined;
let lastShape: KernelShapeV1 | undefined;

/** The shape of a kernel's signature, computed on first use and frozen (kernel definitions are frozen too). */
export function kernelShapeOf(kernel: KernelSourceV1): KernelShapeV1 {
  if (kernel === lastKernel && lastShape) return lastShape;
  let shape = shapes.get(kernel);
  if (!shape) {
    const parameters: KernelParameterV1[] = [];
    const constants: string[] = [];
    const deviceFunctions: { name: string; definition: DeviceFunctionSourceV1 }[] = [];
    for (const [name, spec] of Object.entries(kernel.signature) as Array<[string, ParameterSpec]>) {
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
    shapes.set(kernel, shape);
  }
  lastKernel = kernel;
  lastShape = shape;
  return shape;
}
