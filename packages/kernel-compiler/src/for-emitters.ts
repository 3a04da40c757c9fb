/**
 * @alpaka-ts/kernel-compiler/ir: what a third-party emitter (a backend's own dialect) is written against. The
 * typed IR, versioned by `irVersion`, the front end that produces it (checkKernel), and the emitter registry.
 * Backends use the root entry: compile functions, cache keys, launch layouts.
 */
export type { EmitOptions } from './emit-options';
export {
  emitterFor,
  type KernelEmitter,
  type RegisteredKernelEmitter,
  registerEmitter,
  registeredEmitterTargets,
} from './emitter-registry';
export { type CheckOptions, checkKernel } from './front-end/check-kernel';
export { KernelCompileError } from './front-end/kernel-compile-error';
export * from './ir';
export {
  arithmeticResult,
  describeType,
  type ScalarType,
  type ValueType,
  type ViewFieldIR,
  type ViewLayout,
} from './types';
