export type { Acc, ElementIndex, FenceScope, Hierarchy, Origin, Unit, WarpOperations } from './acc';
export {
  type AcceleratorLimits,
  type ArrayArgumentV1,
  type BackendV1,
  type DeviceV1,
  type EventV1,
  type Extent3,
  type KernelArgumentV1,
  type KernelLaunchV1,
  type MemoryV1,
  type PlatformV1,
  type ProbeResult,
  type QueueV1,
  type RegionV1,
  type SpecificationVersion,
  specificationVersion,
  type ViewArgumentV1,
  type WorkDivisionV1,
} from './backend';
export { boundsChecksDefault } from './bounds-checks';
export { Buffer, type BufferLayout } from './buffer';
export {
  type CopyToDevice,
  type CopyToHost,
  copyToDevice,
  copyToHost,
  findCopyToDevice,
  findCopyToHost,
  registerCopyToDevice,
  registerCopyToHost,
} from './copy-registry';
export { Device, host, hostPlatform, Platform, type QueueOptions } from './device';
export * from './element-types';
export * from './errors';
export { Event } from './event';
export { EventGenerations } from './event-generations';
export { hostPlatformV1 } from './host/host-device';
export { HostEvent } from './host/host-event';
export { type HeapAllocation, HostHeap, HostHeapUnavailable, heapAlignment, hostHeap } from './host/host-heap';
export { copyHostRegions, fillHostRegion, HostMemory, hostBytes, hostStart, setHostRegion } from './host/host-memory';
export { HostQueue } from './host/host-queue';
export {
  type WebAssemblyImports,
  type WebAssemblyInstance,
  type WebAssemblyMemory,
  type WebAssemblyModule,
  webAssembly,
  webAssemblyPageBytes,
} from './host/webassembly-api';
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
export { type BackendStatus, type LoadBackendOptions, loadBackend, packageNameOf, probeBackend } from './loader';
export {
  allocAsyncBuf,
  allocBuf,
  allocMappedBuf,
  asConst,
  createSubView,
  createView,
  fill,
  memcpy,
  memset,
} from './memory';
export { type ExecOptions, Queue } from './queue';
export { queueFailure, runHostTaskNow } from './queue-failures';
export {
  assertBackend,
  knownBackendPackages,
  registerBackend,
  registeredBackend,
  registeredBackends,
} from './registry';
export { alignSize, computeDataSize, computeLayout, type FieldLayout, type Layout } from './soa-layout';
export {
  defineLayout,
  type FieldSchema,
  type LayoutLike,
  type LayoutOptions,
  type LayoutSchema,
  layoutSchemaOf,
  registerLayoutClass,
  sameLayout,
} from './soa-schema';
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
