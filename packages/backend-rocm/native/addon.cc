// The rocm_async native layer: a thin, synchronous-call binding of the HIP runtime and hiprtc, opened with dlopen
// at run time (hip-api.h declares what is used), so the addon builds and loads on machines without ROCm. It
// exports the functions @alpaka-ts/gpu-kit's GpuNativeAddon names, with the same arguments as the cuda
// addon; the shared parts (host callbacks, copy sides, launch records) come from gpu-addon.h. Every failed call
// throws an Error naming the call and the HIP error's name.
#include <dlfcn.h>
#include <napi.h>

#include <cstring>
#include <string>
#include <vector>

#include "gpu-addon.h"
#include "runtime-compiler.h"
#include "hip-api.h"

namespace {

using namespace alpaka_hip;
using namespace alpaka_gpu;

constexpr const char* kAddonAbiVersion = "alpaka-ts.rocm-addon.4";

HipApi hip{};
RuntimeCompilerApi hiprtc{};
bool runtimeLoaded = false;
int deviceCount = 0;
int currentDevice = -1;
// Each device's shared memory per block: what a kernel may use dynamically besides its static part.
std::vector<size_t> sharedMemoryPerBlock;

std::string errorName(hipError_t result) {
  const char* name = hip.hipGetErrorName ? hip.hipGetErrorName(result) : nullptr;
  if (name) return name;
  return "hipError_" + std::to_string(result);
}

void check(Napi::Env env, hipError_t result, const char* call) {
  if (result == hipSuccess) return;
  throwCallFailure(env, call, errorName(result), result, "hipError");
}

// Makes the device current on this (the JavaScript) thread.
void useDevice(Napi::Env env, int ordinal) {
  if (ordinal == currentDevice) return;
  if (ordinal < 0 || ordinal >= deviceCount) throw Napi::Error::New(env, "no HIP device " + std::to_string(ordinal));
  check(env, hip.hipSetDevice(ordinal), "hipSetDevice");
  currentDevice = ordinal;
}

// loadRuntime(path) -> { loaded, reason?, runtimeVersion?, driverVersion?, deviceCount?, initError? }
// loaded says whether the library and its entry points were found; a hipInit failure (no AMD GPU or driver) is
// reported in initError with deviceCount 0, so the caller can say which library it loaded.
Napi::Value LoadRuntime(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string path = info[0].As<Napi::String>();
  Napi::Object result = Napi::Object::New(env);
  void* library = openLibrary(path, result);
  if (!library) return result;
  bool ok = bind(library, "hipInit", hip.hipInit) && bind(library, "hipDriverGetVersion", hip.hipDriverGetVersion) &&
            bind(library, "hipRuntimeGetVersion", hip.hipRuntimeGetVersion) &&
            bind(library, "hipGetDeviceCount", hip.hipGetDeviceCount) && bind(library, "hipSetDevice", hip.hipSetDevice) &&
            bind(library, "hipGetDeviceProperties", hip.hipGetDeviceProperties) &&
            bind(library, "hipMemGetInfo", hip.hipMemGetInfo) &&
            bind(library, "hipStreamCreateWithFlags", hip.hipStreamCreateWithFlags) &&
            bind(library, "hipStreamSynchronize", hip.hipStreamSynchronize) &&
            bind(library, "hipStreamWaitEvent", hip.hipStreamWaitEvent) &&
            bind(library, "hipStreamAddCallback", hip.hipStreamAddCallback) &&
            bind(library, "hipEventCreateWithFlags", hip.hipEventCreateWithFlags) &&
            bind(library, "hipEventRecord", hip.hipEventRecord) && bind(library, "hipEventQuery", hip.hipEventQuery) &&
            bind(library, "hipMalloc", hip.hipMalloc) && bind(library, "hipFree", hip.hipFree) &&
            bind(library, "hipHostMalloc", hip.hipHostMalloc) && bind(library, "hipHostFree", hip.hipHostFree) &&
            bind(library, "hipMemcpy2DAsync", hip.hipMemcpy2DAsync) && bind(library, "hipMemset2DAsync", hip.hipMemset2DAsync) &&
            bind(library, "hipMemsetD16Async", hip.hipMemsetD16Async) && bind(library, "hipMemsetD32Async", hip.hipMemsetD32Async) &&
            bind(library, "hipModuleLoadData", hip.hipModuleLoadData) &&
            bind(library, "hipModuleGetFunction", hip.hipModuleGetFunction) &&
            bind(library, "hipFuncGetAttribute", hip.hipFuncGetAttribute) &&
            bind(library, "hipModuleLaunchKernel", hip.hipModuleLaunchKernel) && bind(library, "hipGetErrorName", hip.hipGetErrorName);
  if (!ok) {
    result.Set("loaded", false);
    result.Set("reason", std::string("missing HIP entry point: ") + dlerror());
    return result;
  }
  bind(library, "hipLaunchHostFunc", hip.hipLaunchHostFunc);  // optional: absent before HIP 6
  runtimeLoaded = true;
  int runtimeVersion = 0, driverVersion = 0;
  hip.hipRuntimeGetVersion(&runtimeVersion);
  result.Set("loaded", true);
  result.Set("runtimeVersion", runtimeVersion);
  hipError_t initialised = hip.hipInit(0);
  const char* failedCall = "hipInit";
  if (initialised == hipSuccess) {
    initialised = hip.hipGetDeviceCount(&deviceCount);
    failedCall = "hipGetDeviceCount";
  }
  if (initialised != hipSuccess) {
    deviceCount = 0;
    result.Set("initError", std::string(failedCall) + ": " + errorName(initialised));
  }
  hip.hipDriverGetVersion(&driverVersion);
  result.Set("driverVersion", driverVersion);
  result.Set("deviceCount", deviceCount);
  result.Set("hostFunctions", hip.hipLaunchHostFunc != nullptr);
  sharedMemoryPerBlock.assign(deviceCount, 0);
  return result;
}

// loadHiprtc(path) -> { loaded, reason?, version? }: hiprtc is its own library from ROCm 5.3 on, and part of
// libamdhip64 before (then path is the runtime's own).
Napi::Value LoadHiprtc(const Napi::CallbackInfo& info) { return loadRuntimeCompiler(info, hiprtc, "hiprtc", "Code"); }

Napi::Value DeviceProperties(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int ordinal = deviceArgument(info, 0);
  if (ordinal < 0 || ordinal >= deviceCount) throw Napi::Error::New(env, "no HIP device " + std::to_string(ordinal));
  std::vector<char> buffer(kDevicePropertiesBytes, 0);
  check(env, hip.hipGetDeviceProperties(buffer.data(), ordinal), "hipGetDeviceProperties");
  DevicePropertiesStart device;
  std::memcpy(&device, buffer.data(), sizeof device);
  device.name[sizeof device.name - 1] = '\0';
  device.gcnArchName[sizeof device.gcnArchName - 1] = '\0';
  sharedMemoryPerBlock[ordinal] = device.sharedMemPerBlock;
  Napi::Object properties = Napi::Object::New(env);
  properties.Set("name", device.name);
  properties.Set("totalMemoryBytes", static_cast<double>(device.totalGlobalMem));
  properties.Set("architecture", device.gcnArchName);
  properties.Set("multiprocessors", device.multiProcessorCount);
  properties.Set("warpSize", device.warpSize);
  properties.Set("maxThreadsPerBlock", device.maxThreadsPerBlock);
  Napi::Array blockDims = Napi::Array::New(env, 3), gridDims = Napi::Array::New(env, 3);
  for (uint32_t axis = 0; axis < 3; ++axis) {
    blockDims.Set(axis, device.maxThreadsDim[axis]);
    gridDims.Set(axis, device.maxGridSize[axis]);
  }
  properties.Set("maxBlockDimensions", blockDims);
  properties.Set("maxGridDimensions", gridDims);
  properties.Set("sharedMemoryPerBlock", static_cast<double>(device.sharedMemPerBlock));
  // AMD gives a block all of its shared memory (LDS) without opting in.
  properties.Set("sharedMemoryPerBlockOptIn", static_cast<double>(device.sharedMemPerBlock));
  return properties;
}

Napi::Value FreeMemory(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  size_t free = 0, total = 0;
  check(env, hip.hipMemGetInfo(&free, &total), "hipMemGetInfo");
  return Napi::Number::New(env, static_cast<double>(free));
}

Napi::Value StreamCreate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  hipStream_t stream;
  check(env, hip.hipStreamCreateWithFlags(&stream, hipStreamNonBlocking), "hipStreamCreateWithFlags");
  return fromU64(env, reinterpret_cast<uint64_t>(stream));
}

Napi::Value StreamSynchronize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, hip.hipStreamSynchronize(reinterpret_cast<hipStream_t>(toU64(info[1]))), "hipStreamSynchronize");
  return env.Undefined();
}

Napi::Value StreamWaitEvent(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, hip.hipStreamWaitEvent(reinterpret_cast<hipStream_t>(toU64(info[1])), reinterpret_cast<hipEvent_t>(toU64(info[2])), 0),
        "hipStreamWaitEvent");
  return env.Undefined();
}

Napi::Value EventCreate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  hipEvent_t event;
  check(env, hip.hipEventCreateWithFlags(&event, hipEventDisableTiming), "hipEventCreateWithFlags");
  return fromU64(env, reinterpret_cast<uint64_t>(event));
}

Napi::Value EventRecord(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, hip.hipEventRecord(reinterpret_cast<hipEvent_t>(toU64(info[1])), reinterpret_cast<hipStream_t>(toU64(info[2]))),
        "hipEventRecord");
  return env.Undefined();
}

Napi::Value EventQuery(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  hipError_t result = hip.hipEventQuery(reinterpret_cast<hipEvent_t>(toU64(info[1])));
  if (result == hipErrorNotReady) return Napi::Boolean::New(env, false);
  check(env, result, "hipEventQuery");
  return Napi::Boolean::New(env, true);
}

// The driver's callbacks, handing over to gpu-addon.h's host calls: hipLaunchHostFunc's where HIP has it,
// else a stream callback, which also holds the stream until it returns.
void HostFunctionTrampoline(void* data) { runHostCall(static_cast<HostCall*>(data)); }
void StreamCallbackTrampoline(hipStream_t, hipError_t, void* data) { runHostCall(static_cast<HostCall*>(data)); }

// Hands a host call to the stream (the driver frees nothing: runHostCall does, once it has run).
Napi::Value LaunchHostCall(const Napi::CallbackInfo& info, HostCall* call) {
  Napi::Env env = info.Env();
  hipStream_t stream = reinterpret_cast<hipStream_t>(toU64(info[1]));
  hipError_t result = hip.hipLaunchHostFunc ? hip.hipLaunchHostFunc(stream, HostFunctionTrampoline, call)
                                            : hip.hipStreamAddCallback(stream, StreamCallbackTrampoline, call, 0);
  if (result != hipSuccess) forgetHostCall(call);
  check(env, result, hip.hipLaunchHostFunc ? "hipLaunchHostFunc" : "hipStreamAddCallback");
  return env.Undefined();
}

// enqueueHostCallback(device, stream, id, holds)
Napi::Value EnqueueHostCallback(const Napi::CallbackInfo& info) {
  useDevice(info.Env(), deviceArgument(info, 0));
  return LaunchHostCall(info, newHostCall(info));
}

// enqueueHostCopy: see gpu-addon.h's newHostCopy.
Napi::Value EnqueueHostCopy(const Napi::CallbackInfo& info) {
  useDevice(info.Env(), deviceArgument(info, 0));
  return LaunchHostCall(info, newHostCopy(info));
}

Napi::Value MemoryAllocate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  void* pointer = nullptr;
  size_t bytes = sizeArgument(info, 1);
  check(env, hip.hipMalloc(&pointer, bytes == 0 ? 1 : bytes), "hipMalloc");
  return fromU64(env, reinterpret_cast<uint64_t>(pointer));
}

Napi::Value MemoryFree(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, hip.hipFree(reinterpret_cast<void*>(toU64(info[1]))), "hipFree");
  return env.Undefined();
}

// Pinned host memory for the caching host allocator, reachable from every GPU: the pointer (BigInt).
Napi::Value PinnedAllocate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  size_t bytes = sizeArgument(info, 1);
  // An optional third argument gives hipHostMalloc's flags (the same bits as CUDA's cuMemHostAlloc flags).
  unsigned flags = hipHostMallocPortable;
  if (info.Length() > 2 && !info[2].IsUndefined()) {
    if (!info[2].IsNumber()) {
      Napi::TypeError::New(env, "pinnedAllocate: the host-allocation flags are a number").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    flags = info[2].As<Napi::Number>().Uint32Value();
  }
  void* host = nullptr;
  check(env, hip.hipHostMalloc(&host, bytes == 0 ? 1 : bytes, flags), "hipHostMalloc");
  return fromU64(env, reinterpret_cast<uint64_t>(host));
}

Napi::Value PinnedFree(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, hip.hipHostFree(reinterpret_cast<void*>(toU64(info[1]))), "hipHostFree");
  return env.Undefined();
}

void* address(const CopySide& side) { return side.isHost ? side.host : reinterpret_cast<void*>(side.device); }

// copy(device, stream, dst, dstOffset, dstRowPitch, dstSlicePitch, src, srcOffset, srcRowPitch, srcSlicePitch, widthBytes, height, depth)
// HIP's 3D copy takes a structure whose layout moved between releases; a 2D copy per slice (one for all slices
// when both sides' slices are contiguous) needs none. hipMemcpyDefault: the runtime tells host from device.
Napi::Value Copy(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  hipStream_t stream = reinterpret_cast<hipStream_t>(toU64(info[1]));
  CopySide destination = copySide(info[2], sizeArgument(info, 3)), source = copySide(info[6], sizeArgument(info, 7));
  size_t width = sizeArgument(info, 10), height = sizeArgument(info, 11), depth = sizeArgument(info, 12);
  size_t destinationPitch = sizeArgument(info, 4), sourcePitch = sizeArgument(info, 8);
  if (destinationPitch == 0) destinationPitch = width;
  if (sourcePitch == 0) sourcePitch = width;
  size_t destinationSlice = sizeArgument(info, 5), sourceSlice = sizeArgument(info, 9);
  if (destinationSlice == 0) destinationSlice = destinationPitch * height;
  if (sourceSlice == 0) sourceSlice = sourcePitch * height;
  char* to = static_cast<char*>(address(destination));
  const char* from = static_cast<const char*>(address(source));
  if (destinationSlice == destinationPitch * height && sourceSlice == sourcePitch * height) {
    check(env, hip.hipMemcpy2DAsync(to, destinationPitch, from, sourcePitch, width, height * depth, hipMemcpyDefault, stream),
          "hipMemcpy2DAsync");
    return env.Undefined();
  }
  for (size_t slice = 0; slice < depth; ++slice) {
    check(env,
          hip.hipMemcpy2DAsync(to + slice * destinationSlice, destinationPitch, from + slice * sourceSlice, sourcePitch, width, height,
                               hipMemcpyDefault, stream),
          "hipMemcpy2DAsync");
  }
  return env.Undefined();
}

// set(device, stream, pointer, rowPitch, slicePitch, elementBytes, value, widthElements, height, depth)
Napi::Value Set(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  hipStream_t stream = reinterpret_cast<hipStream_t>(toU64(info[1]));
  char* pointer = reinterpret_cast<char*>(toU64(info[2]));
  size_t rowPitch = sizeArgument(info, 3), slicePitch = sizeArgument(info, 4), elementBytes = sizeArgument(info, 5);
  size_t width = sizeArgument(info, 7), height = sizeArgument(info, 8), depth = sizeArgument(info, 9);
  uint32_t value = info[6].As<Napi::Number>().Uint32Value();
  if (rowPitch == 0) rowPitch = width * elementBytes;
  if (slicePitch == 0) slicePitch = rowPitch * height;
  for (size_t slice = 0; slice < depth; ++slice) {
    char* start = pointer + slice * slicePitch;
    if (elementBytes == 1) {
      check(env, hip.hipMemset2DAsync(start, rowPitch, static_cast<int>(value & 0xff), width, height, stream), "hipMemset2DAsync");
      continue;
    }
    // 16- and 32-bit patterns have only 1D sets: one per row, or one for the slice when its rows are contiguous.
    bool contiguous = rowPitch == width * elementBytes;
    size_t rows = contiguous ? 1 : height, count = contiguous ? width * height : width;
    for (size_t row = 0; row < rows; ++row) {
      char* at = start + row * rowPitch;
      if (elementBytes == 2) check(env, hip.hipMemsetD16Async(at, static_cast<unsigned short>(value), count, stream), "hipMemsetD16Async");
      else check(env, hip.hipMemsetD32Async(at, static_cast<int>(value), count, stream), "hipMemsetD32Async");
    }
  }
  return env.Undefined();
}

// compile(source, name, options) -> { ok, binary?: ArrayBuffer (an AMD code object), log, error }
Napi::Value Compile(const Napi::CallbackInfo& info) { return compileWith(info, hiprtc, "hiprtc"); }

Napi::Value ModuleLoad(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  hipModule_t module;
  check(env, hip.hipModuleLoadData(&module, info[1].As<Napi::ArrayBuffer>().Data()), "hipModuleLoadData");
  return fromU64(env, reinterpret_cast<uint64_t>(module));
}

Napi::Value ModuleFunction(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  hipFunction_t function;
  std::string name = info[2].As<Napi::String>();
  check(env, hip.hipModuleGetFunction(&function, reinterpret_cast<hipModule_t>(toU64(info[1])), name.c_str()), "hipModuleGetFunction");
  return fromU64(env, reinterpret_cast<uint64_t>(function));
}

// functionAttributes(device, function): what the compiled kernel needs and allows. Dynamic shared memory is
// what the block's shared memory leaves beside the kernel's static part (no opt-in on AMD).
Napi::Value FunctionAttributes(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int ordinal = deviceArgument(info, 0);
  useDevice(env, ordinal);
  hipFunction_t function = reinterpret_cast<hipFunction_t>(toU64(info[1]));
  auto attribute = [&](int which) {
    int value = 0;
    check(env, hip.hipFuncGetAttribute(&value, which, function), "hipFuncGetAttribute");
    return value;
  };
  int staticShared = attribute(HIP_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES);
  size_t perBlock = sharedMemoryPerBlock[ordinal];
  Napi::Object result = Napi::Object::New(env);
  result.Set("staticSharedBytes", staticShared);
  result.Set("maxDynamicSharedBytes", static_cast<double>(perBlock > static_cast<size_t>(staticShared) ? perBlock - staticShared : 0));
  result.Set("maxThreadsPerBlock", attribute(HIP_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK));
  result.Set("registers", attribute(HIP_FUNC_ATTRIBUTE_NUM_REGS));
  return result;
}

// AMD has no opt-in: a launch asking for more than functionAttributes' maxDynamicSharedBytes is refused in
// JavaScript before this could be reached.
Napi::Value FunctionSetMaxDynamicShared(const Napi::CallbackInfo& info) {
  throw Napi::Error::New(info.Env(), "internal error: HIP kernels have no dynamic shared memory opt-in to raise");
}

// launch(record): the record written by launch-plan.ts (gpu-addon.h reads it).
Napi::Value Launch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  alpaka_gpu::Launch launch = readLaunchRecord(env, info[0]);
  useDevice(env, launch.device);
  check(env,
        hip.hipModuleLaunchKernel(reinterpret_cast<hipFunction_t>(launch.function), launch.grid[0], launch.grid[1], launch.grid[2],
                                  launch.block[0], launch.block[1], launch.block[2], launch.sharedBytes,
                                  reinterpret_cast<hipStream_t>(launch.stream), launch.parameters, nullptr),
        "hipModuleLaunchKernel");
  return env.Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("abiVersion", Napi::String::New(env, kAddonAbiVersion));
  exports.Set("loadRuntime", Napi::Function::New(env, LoadRuntime));
  exports.Set("loadHiprtc", Napi::Function::New(env, LoadHiprtc));
  ALPAKA_GPU_EXPORT_CONTRACT(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(alpaka_rocm, Init)
