// The cuda_async native layer: a thin, synchronous-call binding of the CUDA driver API and NVRTC, which are
// opened with dlopen at run time (cuda-api.h declares what is used), so the addon builds and loads on machines
// without CUDA. Everything above the driver calls (queues, events, memory, caching, launch plans) is in
// TypeScript. Every failed call throws an Error naming the call and the error code's name.
#include <dlfcn.h>
#include <napi.h>

#include <cstring>
#include <string>
#include <vector>

#include "cuda-api.h"
#include "gpu-addon.h"
#include "runtime-compiler.h"

namespace {

using namespace alpaka_cuda;
using namespace alpaka_gpu;

constexpr const char* kAddonAbiVersion = "alpaka-ts.cuda-addon.9";

DriverApi driver{};
RuntimeCompilerApi nvrtc{};
bool driverLoaded = false;
std::vector<CUcontext> contexts;
int currentDevice = -1;

std::string errorName(CUresult result) {
  const char* name = nullptr;
  if (driver.cuGetErrorName && driver.cuGetErrorName(result, &name) == CUDA_SUCCESS && name) return name;
  return "CUDA_ERROR_" + std::to_string(result);
}

void check(Napi::Env env, CUresult result, const char* call) {
  if (result == CUDA_SUCCESS) return;
  throwCallFailure(env, call, errorName(result), result, "cudaError");
}

// Makes the device's primary context current on this (the JavaScript) thread.
void useDevice(Napi::Env env, int ordinal) {
  if (ordinal == currentDevice) return;
  if (ordinal < 0 || ordinal >= static_cast<int>(contexts.size())) throw Napi::Error::New(env, "no CUDA device " + std::to_string(ordinal));
  if (!contexts[ordinal]) {
    CUdevice device;
    check(env, driver.cuDeviceGet(&device, ordinal), "cuDeviceGet");
    check(env, driver.cuDevicePrimaryCtxRetain(&contexts[ordinal], device), "cuDevicePrimaryCtxRetain");
  }
  check(env, driver.cuCtxSetCurrent(contexts[ordinal]), "cuCtxSetCurrent");
  currentDevice = ordinal;
}

Napi::Value LoadDriver(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object result = Napi::Object::New(env);
  void* library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_GLOBAL);
  if (!library) {
    result.Set("loaded", false);
    result.Set("reason", std::string("libcuda.so.1 (the NVIDIA driver) could not be opened: ") + dlerror());
    return result;
  }
  bool ok = bind(library, "cuInit", driver.cuInit) && bind(library, "cuDriverGetVersion", driver.cuDriverGetVersion) &&
            bind(library, "cuDeviceGetCount", driver.cuDeviceGetCount) && bind(library, "cuDeviceGet", driver.cuDeviceGet) &&
            bind(library, "cuDeviceGetName", driver.cuDeviceGetName) && bind(library, "cuDeviceTotalMem_v2", driver.cuDeviceTotalMem) &&
            bind(library, "cuDeviceGetAttribute", driver.cuDeviceGetAttribute) &&
            bind(library, "cuDevicePrimaryCtxRetain", driver.cuDevicePrimaryCtxRetain) &&
            bind(library, "cuCtxSetCurrent", driver.cuCtxSetCurrent) && bind(library, "cuMemGetInfo_v2", driver.cuMemGetInfo) &&
            bind(library, "cuStreamCreate", driver.cuStreamCreate) && bind(library, "cuStreamDestroy_v2", driver.cuStreamDestroy) &&
            bind(library, "cuStreamSynchronize", driver.cuStreamSynchronize) && bind(library, "cuStreamWaitEvent", driver.cuStreamWaitEvent) &&
            bind(library, "cuLaunchHostFunc", driver.cuLaunchHostFunc) && bind(library, "cuEventCreate", driver.cuEventCreate) &&
            bind(library, "cuEventRecord", driver.cuEventRecord) && bind(library, "cuEventQuery", driver.cuEventQuery) &&
            bind(library, "cuEventDestroy_v2", driver.cuEventDestroy) && bind(library, "cuMemAlloc_v2", driver.cuMemAlloc) &&
            bind(library, "cuMemFree_v2", driver.cuMemFree) && bind(library, "cuMemHostAlloc", driver.cuMemHostAlloc) &&
            bind(library, "cuMemFreeHost", driver.cuMemFreeHost) && bind(library, "cuMemcpy3DAsync_v2", driver.cuMemcpy3DAsync) &&
            bind(library, "cuMemsetD2D8Async", driver.cuMemsetD2D8Async) && bind(library, "cuMemsetD2D16Async", driver.cuMemsetD2D16Async) &&
            bind(library, "cuMemsetD2D32Async", driver.cuMemsetD2D32Async) && bind(library, "cuModuleLoadData", driver.cuModuleLoadData) &&
            bind(library, "cuModuleGetFunction", driver.cuModuleGetFunction) && bind(library, "cuFuncSetAttribute", driver.cuFuncSetAttribute) &&
            bind(library, "cuFuncGetAttribute", driver.cuFuncGetAttribute) &&
            bind(library, "cuLaunchKernel", driver.cuLaunchKernel) && bind(library, "cuGetErrorName", driver.cuGetErrorName);
  if (!ok) {
    result.Set("loaded", false);
    result.Set("reason", std::string("libcuda.so.1 lacks an entry point this backend needs: ") + dlerror());
    return result;
  }
  CUresult initialised = driver.cuInit(0);
  if (initialised != CUDA_SUCCESS) {
    result.Set("loaded", false);
    result.Set("reason", "cuInit failed: " + errorName(initialised) + " (no usable NVIDIA GPU or driver)");
    return result;
  }
  int version = 0, count = 0;
  driver.cuDriverGetVersion(&version);
  driver.cuDeviceGetCount(&count);
  contexts.assign(count, nullptr);
  driverLoaded = true;
  result.Set("loaded", true);
  result.Set("driverVersion", version);
  result.Set("deviceCount", count);
  return result;
}

Napi::Value LoadNvrtc(const Napi::CallbackInfo& info) { return loadRuntimeCompiler(info, nvrtc, "nvrtc", "CUBIN"); }

Napi::Value DeviceProperties(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int ordinal = deviceArgument(info, 0);
  CUdevice device;
  check(env, driver.cuDeviceGet(&device, ordinal), "cuDeviceGet");
  char name[256] = {0};
  check(env, driver.cuDeviceGetName(name, sizeof(name) - 1, device), "cuDeviceGetName");
  size_t total = 0;
  check(env, driver.cuDeviceTotalMem(&total, device), "cuDeviceTotalMem");
  auto attribute = [&](int which) {
    int value = 0;
    check(env, driver.cuDeviceGetAttribute(&value, which, device), "cuDeviceGetAttribute");
    return value;
  };
  Napi::Object properties = Napi::Object::New(env);
  properties.Set("name", name);
  properties.Set("totalMemoryBytes", static_cast<double>(total));
  std::string capability = std::to_string(attribute(COMPUTE_CAPABILITY_MAJOR)) + std::to_string(attribute(COMPUTE_CAPABILITY_MINOR));
  properties.Set("computeCapability", capability);
  properties.Set("architecture", "sm_" + capability);
  properties.Set("multiprocessors", attribute(MULTIPROCESSOR_COUNT));
  properties.Set("warpSize", attribute(WARP_SIZE));
  properties.Set("maxThreadsPerBlock", attribute(MAX_THREADS_PER_BLOCK));
  Napi::Array blockDims = Napi::Array::New(env, 3), gridDims = Napi::Array::New(env, 3);
  blockDims.Set(0u, attribute(MAX_BLOCK_DIM_X));
  blockDims.Set(1u, attribute(MAX_BLOCK_DIM_Y));
  blockDims.Set(2u, attribute(MAX_BLOCK_DIM_Z));
  gridDims.Set(0u, attribute(MAX_GRID_DIM_X));
  gridDims.Set(1u, attribute(MAX_GRID_DIM_Y));
  gridDims.Set(2u, attribute(MAX_GRID_DIM_Z));
  properties.Set("maxBlockDimensions", blockDims);
  properties.Set("maxGridDimensions", gridDims);
  properties.Set("sharedMemoryPerBlock", attribute(MAX_SHARED_MEMORY_PER_BLOCK));
  properties.Set("sharedMemoryPerBlockOptIn", attribute(MAX_SHARED_MEMORY_PER_BLOCK_OPTIN));
  return properties;
}

Napi::Value FreeMemory(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  size_t free = 0, total = 0;
  check(env, driver.cuMemGetInfo(&free, &total), "cuMemGetInfo");
  return Napi::Number::New(env, static_cast<double>(free));
}

Napi::Value StreamCreate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUstream stream;
  check(env, driver.cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING), "cuStreamCreate");
  return fromU64(env, reinterpret_cast<uint64_t>(stream));
}

Napi::Value StreamSynchronize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, driver.cuStreamSynchronize(reinterpret_cast<CUstream>(toU64(info[1]))), "cuStreamSynchronize");
  return env.Undefined();
}

Napi::Value StreamWaitEvent(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, driver.cuStreamWaitEvent(reinterpret_cast<CUstream>(toU64(info[1])), reinterpret_cast<CUevent>(toU64(info[2])), 0), "cuStreamWaitEvent");
  return env.Undefined();
}

Napi::Value EventCreate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUevent event;
  check(env, driver.cuEventCreate(&event, CU_EVENT_DISABLE_TIMING), "cuEventCreate");
  return fromU64(env, reinterpret_cast<uint64_t>(event));
}

Napi::Value EventRecord(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, driver.cuEventRecord(reinterpret_cast<CUevent>(toU64(info[1])), reinterpret_cast<CUstream>(toU64(info[2]))), "cuEventRecord");
  return env.Undefined();
}

Napi::Value EventQuery(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUresult result = driver.cuEventQuery(reinterpret_cast<CUevent>(toU64(info[1])));
  if (result == CUDA_ERROR_NOT_READY) return Napi::Boolean::New(env, false);
  check(env, result, "cuEventQuery");
  return Napi::Boolean::New(env, true);
}

// cuLaunchHostFunc's callback: the shared host-call handling.
void HostCallbackTrampoline(void* data) { runHostCall(static_cast<HostCall*>(data)); }

Napi::Value LaunchHostCall(const Napi::CallbackInfo& info, HostCall* call) {
  Napi::Env env = info.Env();
  CUresult result = driver.cuLaunchHostFunc(reinterpret_cast<CUstream>(toU64(info[1])), HostCallbackTrampoline, call);
  if (result != CUDA_SUCCESS) forgetHostCall(call);
  check(env, result, "cuLaunchHostFunc");
  return env.Undefined();
}

Napi::Value EnqueueHostCallback(const Napi::CallbackInfo& info) {
  useDevice(info.Env(), deviceArgument(info, 0));
  return LaunchHostCall(info, newHostCall(info));
}

Napi::Value EnqueueHostCopy(const Napi::CallbackInfo& info) {
  useDevice(info.Env(), deviceArgument(info, 0));
  return LaunchHostCall(info, newHostCopy(info));
}

Napi::Value MemoryAllocate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUdeviceptr pointer = 0;
  size_t bytes = sizeArgument(info, 1);
  check(env, driver.cuMemAlloc(&pointer, bytes == 0 ? 1 : bytes), "cuMemAlloc");
  return fromU64(env, pointer);
}

Napi::Value MemoryFree(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, driver.cuMemFree(static_cast<CUdeviceptr>(toU64(info[1]))), "cuMemFree");
  return env.Undefined();
}

// Pinned host memory: the pointer (BigInt), freed only by PinnedFree. Portable by default (the caching host
// allocator's blocks); an optional third argument gives cuMemHostAlloc's flags (make_host_noncached_unique's).
Napi::Value PinnedAllocate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  size_t bytes = sizeArgument(info, 1);
  unsigned flags = CU_MEMHOSTALLOC_PORTABLE;
  if (info.Length() > 2 && !info[2].IsUndefined()) {
    if (!info[2].IsNumber()) {
      Napi::TypeError::New(env, "pinnedAllocate: the host-allocation flags are a number").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    flags = info[2].As<Napi::Number>().Uint32Value();
  }
  void* host = nullptr;
  check(env, driver.cuMemHostAlloc(&host, bytes == 0 ? 1 : bytes, flags), "cuMemHostAlloc");
  return fromU64(env, reinterpret_cast<uint64_t>(host));
}

Napi::Value PinnedFree(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  check(env, driver.cuMemFreeHost(reinterpret_cast<void*>(toU64(info[1]))), "cuMemFreeHost");
  return env.Undefined();
}

// copy(device, stream, dst, dstOffset, dstRowPitch, dstSlicePitch, src, srcOffset, srcRowPitch, srcSlicePitch, widthBytes, height, depth)
Napi::Value Copy(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUDA_MEMCPY3D copy;
  std::memset(&copy, 0, sizeof(copy));
  CopySide destination = copySide(info[2], sizeArgument(info, 3)), source = copySide(info[6], sizeArgument(info, 7));
  copy.dstMemoryType = destination.isHost ? CU_MEMORYTYPE_HOST : CU_MEMORYTYPE_UNIFIED;
  copy.dstHost = destination.host;
  copy.dstDevice = static_cast<CUdeviceptr>(destination.device);
  copy.dstPitch = sizeArgument(info, 4);
  copy.srcMemoryType = source.isHost ? CU_MEMORYTYPE_HOST : CU_MEMORYTYPE_UNIFIED;
  copy.srcHost = source.host;
  copy.srcDevice = static_cast<CUdeviceptr>(source.device);
  copy.srcPitch = sizeArgument(info, 8);
  copy.WidthInBytes = sizeArgument(info, 10);
  copy.Height = sizeArgument(info, 11);
  copy.Depth = sizeArgument(info, 12);
  copy.dstHeight = copy.dstPitch ? sizeArgument(info, 5) / copy.dstPitch : copy.Height;
  copy.srcHeight = copy.srcPitch ? sizeArgument(info, 9) / copy.srcPitch : copy.Height;
  if (copy.dstHeight < copy.Height) copy.dstHeight = copy.Height;
  if (copy.srcHeight < copy.Height) copy.srcHeight = copy.Height;
  check(env, driver.cuMemcpy3DAsync(&copy, reinterpret_cast<CUstream>(toU64(info[1]))), "cuMemcpy3DAsync");
  return env.Undefined();
}

// set(device, stream, pointer, rowPitch, slicePitch, elementBytes, value, widthElements, height, depth)
Napi::Value Set(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUstream stream = reinterpret_cast<CUstream>(toU64(info[1]));
  CUdeviceptr pointer = static_cast<CUdeviceptr>(toU64(info[2]));
  size_t rowPitch = sizeArgument(info, 3), slicePitch = sizeArgument(info, 4), elementBytes = sizeArgument(info, 5), width = sizeArgument(info, 7), height = sizeArgument(info, 8), depth = sizeArgument(info, 9);
  uint32_t value = info[6].As<Napi::Number>().Uint32Value();
  for (size_t slice = 0; slice < depth; ++slice) {
    CUdeviceptr start = pointer + slice * slicePitch;
    if (elementBytes == 1) check(env, driver.cuMemsetD2D8Async(start, rowPitch, static_cast<unsigned char>(value), width, height, stream), "cuMemsetD2D8Async");
    else if (elementBytes == 2) check(env, driver.cuMemsetD2D16Async(start, rowPitch, static_cast<unsigned short>(value), width, height, stream), "cuMemsetD2D16Async");
    else check(env, driver.cuMemsetD2D32Async(start, rowPitch, value, width, height, stream), "cuMemsetD2D32Async");
  }
  return env.Undefined();
}

// compile(source, name, options) -> { ok, binary?: ArrayBuffer (the cubin), log, error }
Napi::Value Compile(const Napi::CallbackInfo& info) { return compileWith(info, nvrtc, "nvrtc"); }

Napi::Value ModuleLoad(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUmodule module;
  check(env, driver.cuModuleLoadData(&module, info[1].As<Napi::ArrayBuffer>().Data()), "cuModuleLoadData");
  return fromU64(env, reinterpret_cast<uint64_t>(module));
}

Napi::Value ModuleFunction(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUfunction function;
  std::string name = info[2].As<Napi::String>();
  check(env, driver.cuModuleGetFunction(&function, reinterpret_cast<CUmodule>(toU64(info[1])), name.c_str()), "cuModuleGetFunction");
  return fromU64(env, reinterpret_cast<uint64_t>(function));
}

// functionAttributes(device, function): what the compiled kernel needs and allows.
Napi::Value FunctionAttributes(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUfunction function = reinterpret_cast<CUfunction>(toU64(info[1]));
  auto attribute = [&](int which) {
    int value = 0;
    check(env, driver.cuFuncGetAttribute(&value, which, function), "cuFuncGetAttribute");
    return value;
  };
  Napi::Object result = Napi::Object::New(env);
  result.Set("staticSharedBytes", attribute(CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES));
  result.Set("maxDynamicSharedBytes", attribute(CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES));
  result.Set("maxThreadsPerBlock", attribute(CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK));
  result.Set("registers", attribute(CU_FUNC_ATTRIBUTE_NUM_REGS));
  return result;
}

// functionSetMaxDynamicShared(device, function, bytes): opts a kernel in to more than 48 KiB of dynamic shared memory.
Napi::Value FunctionSetMaxDynamicShared(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  useDevice(env, deviceArgument(info, 0));
  CUfunction function = reinterpret_cast<CUfunction>(toU64(info[1]));
  check(env, driver.cuFuncSetAttribute(function, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, info[2].As<Napi::Number>().Int32Value()), "cuFuncSetAttribute");
  return env.Undefined();
}

// launch(record): the record written by launch-plan.ts (gpu-addon.h reads it).
Napi::Value Launch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  alpaka_gpu::Launch launch = readLaunchRecord(env, info[0]);
  useDevice(env, launch.device);
  check(env,
        driver.cuLaunchKernel(reinterpret_cast<CUfunction>(launch.function), launch.grid[0], launch.grid[1], launch.grid[2],
                              launch.block[0], launch.block[1], launch.block[2], launch.sharedBytes,
                              reinterpret_cast<CUstream>(launch.stream), launch.parameters, nullptr),
        "cuLaunchKernel");
  return env.Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("abiVersion", Napi::String::New(env, kAddonAbiVersion));
  exports.Set("loadDriver", Napi::Function::New(env, LoadDriver));
  exports.Set("loadNvrtc", Napi::Function::New(env, LoadNvrtc));
  ALPAKA_GPU_EXPORT_CONTRACT(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(alpaka_cuda, Init)
