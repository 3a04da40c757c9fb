// The HIP runtime entry points this addon uses, declared here so that it builds without ROCm's headers; the
// library is opened with dlopen at run time. Types and values follow hip_runtime_api.h of HIP 5.2 (Debian's
// libamdhip64-5), whose values later HIP releases keep. (hiprtc is bound through @alpaka-ts/gpu-kit's
// runtime-compiler.h.)
#pragma once
#include <cstddef>

namespace alpaka_hip {

typedef int hipError_t;
typedef struct ihipStream_t* hipStream_t;
typedef struct ihipEvent_t* hipEvent_t;
typedef struct ihipModule_t* hipModule_t;
typedef struct ihipModuleSymbol_t* hipFunction_t;
typedef void (*hipHostFn_t)(void* userData);
typedef void (*hipStreamCallback_t)(hipStream_t stream, hipError_t status, void* userData);

constexpr hipError_t hipSuccess = 0;
constexpr hipError_t hipErrorNotReady = 600;
constexpr unsigned hipStreamNonBlocking = 1;
constexpr unsigned hipEventDisableTiming = 2;
constexpr unsigned hipHostMallocPortable = 1;
constexpr int hipMemcpyDefault = 4;
// hipFunction_attribute values.
constexpr int HIP_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 0;
constexpr int HIP_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES = 1;
constexpr int HIP_FUNC_ATTRIBUTE_NUM_REGS = 4;

// The start of hipDeviceProp_t as hipGetDeviceProperties fills it: the layout HIP 5 defined, which HIP 6 keeps
// for that symbol (its own layout is hipGetDevicePropertiesR0600's). Only the fields read here are named; the
// offsets are checked below against the header's. The addon passes a larger zeroed buffer, so a longer
// structure never writes past it.
struct DevicePropertiesStart {
  char name[256];
  size_t totalGlobalMem;
  size_t sharedMemPerBlock;
  int regsPerBlock;
  int warpSize;
  int maxThreadsPerBlock;
  int maxThreadsDim[3];
  int maxGridSize[3];
  int clockRate;
  int memoryClockRate;
  int memoryBusWidth;
  size_t totalConstMem;
  int major;
  int minor;
  int multiProcessorCount;
  int l2CacheSize;
  int maxThreadsPerMultiProcessor;
  int computeMode;
  int clockInstructionRate;
  unsigned arch;  // hipDeviceArch_t: 32 bits of feature flags
  int concurrentKernels;
  int pciDomainID;
  int pciBusID;
  int pciDeviceID;
  size_t maxSharedMemoryPerMultiProcessor;
  int isMultiGpuBoard;
  int canMapHostMemory;
  int gcnArch;
  char gcnArchName[256];
};
static_assert(offsetof(DevicePropertiesStart, totalGlobalMem) == 256, "hipDeviceProp_t layout");
static_assert(offsetof(DevicePropertiesStart, sharedMemPerBlock) == 264, "hipDeviceProp_t layout");
static_assert(offsetof(DevicePropertiesStart, warpSize) == 276, "hipDeviceProp_t layout");
static_assert(offsetof(DevicePropertiesStart, maxThreadsDim) == 284, "hipDeviceProp_t layout");
static_assert(offsetof(DevicePropertiesStart, maxGridSize) == 296, "hipDeviceProp_t layout");
static_assert(offsetof(DevicePropertiesStart, multiProcessorCount) == 336, "hipDeviceProp_t layout");
static_assert(offsetof(DevicePropertiesStart, gcnArchName) == 396, "hipDeviceProp_t layout");
// HIP 5.2's hipDeviceProp_t is 792 bytes; this much room covers it and any growth.
constexpr size_t kDevicePropertiesBytes = 4096;

struct HipApi {
  hipError_t (*hipInit)(unsigned);
  hipError_t (*hipDriverGetVersion)(int*);
  hipError_t (*hipRuntimeGetVersion)(int*);
  hipError_t (*hipGetDeviceCount)(int*);
  hipError_t (*hipSetDevice)(int);
  hipError_t (*hipGetDeviceProperties)(void*, int);
  hipError_t (*hipMemGetInfo)(size_t*, size_t*);
  hipError_t (*hipStreamCreateWithFlags)(hipStream_t*, unsigned);
  hipError_t (*hipStreamSynchronize)(hipStream_t);
  hipError_t (*hipStreamWaitEvent)(hipStream_t, hipEvent_t, unsigned);
  hipError_t (*hipStreamAddCallback)(hipStream_t, hipStreamCallback_t, void*, unsigned);
  // HIP 6 has it; HIP 5.2 does not (stream callbacks are used then).
  hipError_t (*hipLaunchHostFunc)(hipStream_t, hipHostFn_t, void*);
  hipError_t (*hipEventCreateWithFlags)(hipEvent_t*, unsigned);
  hipError_t (*hipEventRecord)(hipEvent_t, hipStream_t);
  hipError_t (*hipEventQuery)(hipEvent_t);
  hipError_t (*hipMalloc)(void**, size_t);
  hipError_t (*hipFree)(void*);
  hipError_t (*hipHostMalloc)(void**, size_t, unsigned);
  hipError_t (*hipHostFree)(void*);
  hipError_t (*hipMemcpy2DAsync)(void*, size_t, const void*, size_t, size_t, size_t, int, hipStream_t);
  hipError_t (*hipMemset2DAsync)(void*, size_t, int, size_t, size_t, hipStream_t);
  hipError_t (*hipMemsetD16Async)(void*, unsigned short, size_t, hipStream_t);
  hipError_t (*hipMemsetD32Async)(void*, int, size_t, hipStream_t);
  hipError_t (*hipModuleLoadData)(hipModule_t*, const void*);
  hipError_t (*hipModuleGetFunction)(hipFunction_t*, hipModule_t, const char*);
  hipError_t (*hipFuncGetAttribute)(int*, int, hipFunction_t);
  hipError_t (*hipModuleLaunchKernel)(hipFunction_t, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, hipStream_t, void**, void**);
  const char* (*hipGetErrorName)(hipError_t);
};

}  // namespace alpaka_hip
