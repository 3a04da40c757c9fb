export { type CacheKeyParts, kernelCacheKey } from './cache-key';
export { type CompiledJavaScriptKernel, type CompiledKernelEntry, compileJavaScriptKernel } from './compile-javascript';
export { emitterFor, type KernelEmitter, registerEmitter, registeredEmitterTargets } from './emitter-registry';
export { emitJavaScript, type JavaScriptKernelSource, javaScriptEmitter } from './emitters/javascript-emitter';
export { type CheckOptions, checkKernel } from './front-end/check-kernel';
export { KernelCompileError } from './front-end/kernel-compile-error';
export type * from './ir';
export { arithmeticResult, describeType, type ScalarType, type ValueType } from './types';
