export type { Acc, ElementIndex, FenceScope, Hierarchy, Origin, Unit, WarpOperations } from './acc';
// What users meet of the contract: loadBackend returns a BackendV1, device.limits() its AcceleratorLimits.
// Everything else of it, for backend authors, is in @alpaka-ts/interface/backend.
export type {
  AcceleratorLimits,
  BackendV1,
  CachingAllocatorConfigV1,
  CachingAllocatorFillV1,
  MappedMemoryFlagsV1,
  ProbeResult,
} from './backend';
export { boundsChecksDefault } from './bounds-checks';
export { Buffer, type BufferLayout } from './buffer';
export {
  allocAsyncBuf,
  allocBuf,
  allocMappedBuf,
  allocMappedNoncachedBuf,
  type MappedMemoryFlags,
} from './buffer-allocation';
export { asConst, createSubView, createView } from './buffer-views';
export {
  type CopyToDevice,
  type CopyToHost,
  copyToDevice,
  copyToHost,
  findCopyToDevice,
  findCopyToDeviceForClass,
  findCopyToHost,
  findCopyToHostForClass,
  registerCopyToDevice,
  registerCopyToHost,
} from './copy-registry';
export { Device, host, hostPlatform, Platform, type QueueOptions } from './device';
export * from './element-types';
export * from './errors';
export { Event } from './event';
export {
  array,
  constant,
  type DeviceFunctionDefinition,
  deviceFunction,
  elementTypeOf,
  type KernelArguments,
  type KernelBody,
  type KernelDefinition,
  type KernelOptions,
  type KernelParameters,
  type KernelView,
  type KernelViewArgument,
  kernel,
  type UntypedKernelView,
  view,
} from './kernel';
export type {
  ArrayAccess,
  ArrayParameter,
  ConstantParameter,
  DeviceFunctionSourceV1,
  KernelSourceV1,
  ParameterSpec,
  Signature,
  ViewParameter,
} from './kernel-source';
export { layoutSchemaOf, registerLayoutClass } from './layout-classes';
export { type BackendStatus, type LoadBackendOptions, loadBackend, packageNameOf, probeBackend } from './loader';
export { fill, memcpy, memset } from './memory';
export { type ExecOptions, Queue } from './queue';
export {
  knownBackendPackages,
  registerBackend,
  registeredBackend,
  registeredBackends,
} from './registry';
export { alignSize, computeDataSize, computeLayout, type FieldLayout, type Layout } from './soa-layout';
export {
  checkedLayoutSchema,
  defineLayout,
  type FieldSchema,
  type LayoutLike,
  type LayoutOptions,
  type LayoutSchema,
  sameLayout,
} from './soa-schema';
export type {
  ElementMethodsOfSchema,
  LayoutClassFields,
  LayoutClassMethods,
  SchemaOf,
  SoaFieldType,
  SoaFieldTypeInfo,
  soaElementMethods,
  soaFieldType,
  WithElementMethods,
} from './soa-types';
export {
  type Dimension,
  type ExtentLike,
  formatVec,
  getExtentProduct,
  toVec,
  type Vec,
  vecEquals,
  widenTo3,
} from './vector';
export {
  type Accelerator,
  acceleratorOf,
  divideUpBy,
  makeWorkDiv,
  validateWorkDivision,
  type WorkDivision,
  workDivision,
} from './work-division';
