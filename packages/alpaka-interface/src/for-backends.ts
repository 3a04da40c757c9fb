/**
 * @alpaka-ts/interface/backend: what a backend author needs beyond the user API. The V1 contract a backend
 * implements, the host platform every CPU backend shares (its device, queues, events, memory and heap), and the
 * helpers the interface's own backends use (queue failures, the WebAssembly API, the contract check). Users
 * import @alpaka-ts/interface; the conformance suite and the mock accelerator are at /testing.
 */
export {
  type AcceleratorLimits,
  type ArrayArgumentV1,
  type BackendV1,
  type CachingAllocatorConfigV1,
  type CachingAllocatorFillV1,
  type DeviceV1,
  type EventV1,
  type Extent3,
  type KernelArgumentV1,
  type KernelLaunchV1,
  type MappedMemoryFlagsV1,
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
export { EventGenerations } from './event-generations';
export { hostPlatformV1 } from './host/host-device';
export { HostEvent } from './host/host-event';
export { type HeapAllocation, HostHeap, HostHeapUnavailable, heapAlignment, hostHeap } from './host/host-heap';
export {
  checkHostRegion,
  copyHostRegions,
  fillHostRegion,
  HostMemory,
  hostBytes,
  hostStart,
  setHostRegion,
} from './host/host-memory';
export { HostQueue } from './host/host-queue';
export {
  type WebAssemblyImports,
  type WebAssemblyInstance,
  type WebAssemblyMemory,
  type WebAssemblyModule,
  webAssembly,
  webAssemblyPageBytes,
} from './host/webassembly-api';
export { type KernelParameterV1, type KernelShapeV1, kernelShapeOf } from './kernel-shape';
export type { DeviceFunctionSourceV1, KernelSourceV1 } from './kernel-source';
export { queueFailure, runHostTaskNow } from './queue-failures';
export { assertBackend } from './registry';
