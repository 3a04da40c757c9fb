export {
  type BoundsScope,
  type BoundsSite,
  BoundsSites,
  boundsRecordBytes,
  boundsRecordWords,
  describeArray,
} from './bounds/bounds-sites';
export { boundsViolation } from './bounds/bounds-violation';
export { analyseInRangeAccesses, type InRangeAnalysis } from './bounds/in-range-accesses';
export {
  type AccessExtent,
  type IndexBound,
  type LaunchRequirement,
  launchMeetsRequirements,
  type RequirementArgument,
} from './bounds/launch-requirements';
export { type CacheKeyParts, kernelCacheKey } from './cache-key';
export { type CppModule, emitCppModule } from './compile-cpp';
export { type CompiledJavaScriptKernel, type CompiledKernelEntry, compileJavaScriptKernel } from './compile-javascript';
export {
  type CompiledWebAssemblyKernel,
  compileWebAssemblyKernel,
  type WebAssemblyArgument,
  type WebAssemblyArrayArgument,
  type WebAssemblyPlacement,
  type WebAssemblyVariant,
  type WebAssemblyViewArgument,
} from './compile-webassembly';
export type { EmitOptions } from './emit-options';
export { emitterFor, type KernelEmitter } from './emitter-registry';
export { type CppKernelSource, cudaEmitter, emitCpp, hipEmitter } from './emitters/cpp/cpp-emitter';
export { cppName } from './emitters/cpp/cpp-names';
export { type CppDialect, cppPrelude } from './emitters/cpp/cpp-prelude';
export {
  emitJavaScript,
  type JavaScriptKernelSource,
  javaScriptEmitter,
} from './emitters/javascript/javascript-emitter';
export { type JavaScriptView, javaScriptView } from './emitters/javascript/javascript-view';
export {
  maximumMemoryPages,
  type WebAssemblyKernelModule,
  webAssemblyEmitter,
} from './emitters/webassembly/webassembly-emitter';
export { type CheckOptions, checkKernel } from './front-end/check-kernel';
export { KernelCompileError } from './front-end/kernel-compile-error';
// The IR itself and registering emitters: @alpaka-ts/kernel-compiler/ir.
export type { KernelIR, SourcePosition } from './ir';
export { compilerFingerprint, type KernelSourceKeyParts, kernelSourceKey } from './source-key';
export { constantsOf, specialisationKey } from './specialisation';
export type { ViewFieldIR, ViewLayout } from './types';
export { arithmeticResult, describeType, type ScalarType, type ValueType } from './types';
export { type ViewStruct, type ViewStructMember, viewLayoutOf, viewStruct } from './view-layout';
