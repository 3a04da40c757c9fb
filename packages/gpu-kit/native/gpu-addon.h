// The part of a GPU backend's native addon that is the same over CUDA and HIP: binding entry points found with
// dlsym, handles passed as BigInt or Number, host callbacks handed to JavaScript, the host side of a copy, and
// the launch record written by @alpaka-ts/gpu-kit's launch-plan.ts. Header-only: each addon is one
// translation unit that includes it, and neither addon needs the other's libraries.
#pragma once
#include <dlfcn.h>
#include <napi.h>

#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

namespace alpaka_gpu {

template <typename T>
bool bind(void* library, const char* name, T& target) {
  target = reinterpret_cast<T>(dlsym(library, name));
  return target != nullptr;
}

// Handles and pointers arrive as BigInt, or as Number on the launch path (host and device addresses fit in
// 48 bits, so a double holds them exactly, and a Number costs less to pass than a BigInt).
inline uint64_t toU64(const Napi::Value& value) {
  if (value.IsNumber()) return static_cast<uint64_t>(value.As<Napi::Number>().Int64Value());
  bool lossless = true;
  return value.As<Napi::BigInt>().Uint64Value(&lossless);
}

inline Napi::Value fromU64(Napi::Env env, uint64_t value) { return Napi::BigInt::New(env, value); }

// The Error both addons throw for a failed driver call: "<call> failed: <name> (<code>)", with the error's name
// under errorProperty ("cudaError", "hipError": what the backends' isOutOfMemory reads) and the call under "call".
[[noreturn]] inline void throwCallFailure(Napi::Env env, const char* call, const std::string& name, int code, const char* errorProperty) {
  Napi::Error error = Napi::Error::New(env, std::string(call) + " failed: " + name + " (" + std::to_string(code) + ")");
  error.Set(errorProperty, Napi::String::New(env, name));
  error.Set("call", Napi::String::New(env, call));
  throw error;
}

inline int32_t deviceArgument(const Napi::CallbackInfo& info, int index) { return info[index].As<Napi::Number>().Int32Value(); }

inline size_t sizeArgument(const Napi::CallbackInfo& info, int index) {
  return static_cast<size_t>(info[index].As<Napi::Number>().Int64Value());
}

// Host callbacks: the driver calls them on its own thread when the stream reaches them. They hand the id to
// JavaScript through a thread-safe function; a holding callback then waits until JavaScript releases it,
// which keeps the stream (and everything enqueued after) waiting, as a host task on a queue must.
// A host call can first copy between two host memories (hostCopy): the driver's thread does it, so the stream
// keeps its order without waiting for JavaScript, and no driver call JavaScript makes meanwhile can deadlock
// with it (loading a module synchronizes the device, which a stream held for JavaScript never lets finish).
struct HostCopy {
  char* destination;
  const char* source;
  size_t destinationRowPitch, destinationSlicePitch, sourceRowPitch, sourceSlicePitch, width, height, depth;
};

struct HostCall {
  uint32_t id;
  bool holds;
  bool copies = false;
  HostCopy copy{};
  std::mutex mutex;
  std::condition_variable released;
  bool done = false;
};

inline std::mutex pendingMutex;
inline std::vector<HostCall*> pending;
inline Napi::ThreadSafeFunction hostCallbackDispatcher;

// Removes a host call from the pending ones and frees it.
inline void forgetHostCall(HostCall* call) {
  std::lock_guard<std::mutex> guard(pendingMutex);
  for (auto it = pending.begin(); it != pending.end(); ++it) {
    if (*it == call) {
      pending.erase(it);
      break;
    }
  }
  delete call;
}

// Called on the driver's thread by the vendor's callback trampoline.
inline void runHostCall(HostCall* call) {
  uint32_t id = call->id;
  if (call->copies) {
    const HostCopy& copy = call->copy;
    for (size_t slice = 0; slice < copy.depth; ++slice)
      for (size_t row = 0; row < copy.height; ++row)
        std::memcpy(copy.destination + slice * copy.destinationSlicePitch + row * copy.destinationRowPitch,
                    copy.source + slice * copy.sourceSlicePitch + row * copy.sourceRowPitch, copy.width);
  }
  hostCallbackDispatcher.BlockingCall([id](Napi::Env env, Napi::Function dispatch) { dispatch.Call({Napi::Number::New(env, id)}); });
  if (call->holds) {
    std::unique_lock<std::mutex> lock(call->mutex);
    call->released.wait(lock, [call] { return call->done; });
  }
  forgetHostCall(call);
}

// enqueueHostCallback(device, stream, id, holds): the call to hand to the driver, registered as pending.
inline HostCall* newHostCall(const Napi::CallbackInfo& info) {
  HostCall* call = new HostCall();
  call->id = info[2].As<Napi::Number>().Uint32Value();
  call->holds = info[3].As<Napi::Boolean>().Value();
  std::lock_guard<std::mutex> guard(pendingMutex);
  pending.push_back(call);
  return call;
}


inline Napi::Value SetHostCallbackDispatcher(const Napi::CallbackInfo& info) {
  hostCallbackDispatcher = Napi::ThreadSafeFunction::New(info.Env(), info[0].As<Napi::Function>(), "alpaka-gpu-host-callback", 0, 1);
  hostCallbackDispatcher.Unref(info.Env());
  return info.Env().Undefined();
}

inline Napi::Value KeepAlive(const Napi::CallbackInfo& info) {
  if (info[0].As<Napi::Boolean>().Value()) hostCallbackDispatcher.Ref(info.Env());
  else hostCallbackDispatcher.Unref(info.Env());
  return info.Env().Undefined();
}

inline Napi::Value ReleaseHostCallback(const Napi::CallbackInfo& info) {
  uint32_t id = info[0].As<Napi::Number>().Uint32Value();
  std::lock_guard<std::mutex> guard(pendingMutex);
  for (HostCall* call : pending) {
    if (call->id == id) {
      std::lock_guard<std::mutex> lock(call->mutex);
      call->done = true;
      call->released.notify_all();
    }
  }
  return info.Env().Undefined();
}

// An ArrayBuffer over `bytes` of pinned memory at `pointer`. It does not own the memory: the allocator gets the
// block back when the ArrayBuffer is collected (a FinalizationRegistry on the JavaScript side), and reuses it.
inline Napi::Value PinnedArrayBuffer(const Napi::CallbackInfo& info) {
  void* host = reinterpret_cast<void*>(toU64(info[0]));
  return Napi::ArrayBuffer::New(info.Env(), host, sizeArgument(info, 1), [](Napi::Env, void*) {});
}

// A side of a copy: a device pointer (BigInt) or host memory (an ArrayBuffer, or a Uint8Array over exactly the
// memory, which may lie in a SharedArrayBuffer: the host heap's), plus a byte offset.
struct CopySide {
  bool isHost;
  void* host;
  uint64_t device;
};

inline CopySide copySide(const Napi::Value& memory, uint64_t offset) {
  if (memory.IsArrayBuffer()) return {true, static_cast<char*>(memory.As<Napi::ArrayBuffer>().Data()) + offset, 0};
  if (memory.IsTypedArray()) {
    // napi_get_typedarray_info's data pointer works for shared buffers too; Napi::ArrayBuffer would refuse them.
    void* data = nullptr;
    napi_status status = napi_get_typedarray_info(memory.Env(), memory, nullptr, nullptr, &data, nullptr, nullptr);
    if (status != napi_ok) throw Napi::Error::New(memory.Env(), "copy: cannot read the host array");
    return {true, static_cast<char*>(data) + offset, 0};
  }
  return {false, nullptr, toU64(memory) + offset};
}

// enqueueHostCopy(device, stream, id, dst, dstOffset, dstRowPitch, dstSlicePitch, src, srcOffset, srcRowPitch,
// srcSlicePitch, widthBytes, height, depth): a non-holding host call that copies between host memories first.
// JavaScript keeps both memories alive until the call's id reaches it.
inline HostCall* newHostCopy(const Napi::CallbackInfo& info) {
  CopySide destination = copySide(info[3], sizeArgument(info, 4)), source = copySide(info[7], sizeArgument(info, 8));
  if (!destination.isHost || !source.isHost)
    throw Napi::Error::New(info.Env(), "internal error: enqueueHostCopy copies between host memories only");
  HostCall* call = new HostCall();
  call->id = info[2].As<Napi::Number>().Uint32Value();
  call->holds = false;
  call->copies = true;
  call->copy = {static_cast<char*>(destination.host), static_cast<const char*>(source.host), sizeArgument(info, 5), sizeArgument(info, 6),
                sizeArgument(info, 9), sizeArgument(info, 10), sizeArgument(info, 11), sizeArgument(info, 12), sizeArgument(info, 13)};
  std::lock_guard<std::mutex> guard(pendingMutex);
  pending.push_back(call);
  return call;
}

// The launch record written by launch-plan.ts: one ArrayBuffer, so a launch costs one N-API argument.
// Little-endian u32 words: [0, 1] function, [2, 3] stream, [4] device, [5-7] grid, [8-10] block, [11] dynamic
// shared bytes, [12] parameter count, [13] where the arguments start; from byte 64 each parameter's offset.
struct LaunchHeader {
  uint32_t function[2];
  uint32_t stream[2];
  int32_t device;
  uint32_t grid[3];
  uint32_t block[3];
  uint32_t sharedBytes;
  uint32_t parameterCount;
  uint32_t argumentsOffset;
};
constexpr size_t kLaunchHeaderBytes = 64;
constexpr size_t kMaximumParameters = 64;
static_assert(sizeof(LaunchHeader) <= kLaunchHeaderBytes, "the launch header must fit its 64 bytes");

struct Launch {
  uint64_t function;
  uint64_t stream;
  int32_t device;
  uint32_t grid[3];
  uint32_t block[3];
  uint32_t sharedBytes;
  void* parameters[kMaximumParameters];
};

// Reads and checks a launch record; the parameter pointers point into the record's arguments.
inline Launch readLaunchRecord(Napi::Env env, const Napi::Value& value) {
  Napi::ArrayBuffer record = value.As<Napi::ArrayBuffer>();
  char* bytes = static_cast<char*>(record.Data());
  size_t size = record.ByteLength();
  LaunchHeader header;
  if (size < kLaunchHeaderBytes) throw Napi::Error::New(env, "internal error: the launch record is too short");
  std::memcpy(&header, bytes, sizeof header);
  size_t count = header.parameterCount;
  if (count > kMaximumParameters || kLaunchHeaderBytes + 4 * count > header.argumentsOffset || header.argumentsOffset > size)
    throw Napi::Error::New(env, "internal error: the launch record's header is inconsistent");
  Launch launch;
  auto u64 = [](const uint32_t halves[2]) { return static_cast<uint64_t>(halves[0]) | (static_cast<uint64_t>(halves[1]) << 32); };
  launch.function = u64(header.function);
  launch.stream = u64(header.stream);
  launch.device = header.device;
  std::memcpy(launch.grid, header.grid, sizeof launch.grid);
  std::memcpy(launch.block, header.block, sizeof launch.block);
  launch.sharedBytes = header.sharedBytes;
  const char* offsetBytes = bytes + kLaunchHeaderBytes;
  char* arguments = bytes + header.argumentsOffset;
  size_t argumentBytes = size - header.argumentsOffset;
  for (size_t index = 0; index < count; ++index) {
    uint32_t offset;
    std::memcpy(&offset, offsetBytes + 4 * index, 4);
    if (offset >= argumentBytes) throw Napi::Error::New(env, "internal error: a launch argument lies outside the record");
    launch.parameters[index] = arguments + offset;
  }
  return launch;
}

// compile's options: the JavaScript array of strings, kept alive with their C pointers.
struct CompileOptions {
  std::vector<std::string> strings;
  std::vector<const char*> pointers;
  explicit CompileOptions(const Napi::Array& array) {
    for (uint32_t index = 0; index < array.Length(); ++index) strings.push_back(array.Get(index).As<Napi::String>());
    for (const std::string& option : strings) pointers.push_back(option.c_str());
  }
};

// Opens a library for load*(path): the handle, or nullptr with result's loaded false and dlopen's reason.
inline void* openLibrary(const std::string& path, Napi::Object& result, int flags = RTLD_NOW | RTLD_LOCAL) {
  void* library = dlopen(path.c_str(), flags);
  if (!library) {
    result.Set("loaded", false);
    result.Set("reason", std::string(dlerror()));
  }
  return library;
}

// The entry points every GPU addon exports from this header.
inline void exportCommon(Napi::Env env, Napi::Object exports) {
  exports.Set("setHostCallbackDispatcher", Napi::Function::New(env, SetHostCallbackDispatcher));
  exports.Set("keepAlive", Napi::Function::New(env, KeepAlive));
  exports.Set("releaseHostCallback", Napi::Function::New(env, ReleaseHostCallback));
  exports.Set("pinnedArrayBuffer", Napi::Function::New(env, PinnedArrayBuffer));
}

}  // namespace alpaka_gpu

// Exports GpuNativeAddon (@alpaka-ts/gpu-kit's native-binding.ts): this header's entry points and the ones
// each addon defines under the same C++ names, so both addons export the same contract. A macro, because the
// functions are the including file's own.
#define ALPAKA_GPU_EXPORT_CONTRACT(env, exports)                                                         \
  do {                                                                                                   \
    alpaka_gpu::exportCommon(env, exports);                                                              \
    exports.Set("deviceProperties", Napi::Function::New(env, DeviceProperties));                         \
    exports.Set("freeMemory", Napi::Function::New(env, FreeMemory));                                     \
    exports.Set("streamCreate", Napi::Function::New(env, StreamCreate));                                 \
    exports.Set("streamSynchronize", Napi::Function::New(env, StreamSynchronize));                       \
    exports.Set("streamWaitEvent", Napi::Function::New(env, StreamWaitEvent));                           \
    exports.Set("eventCreate", Napi::Function::New(env, EventCreate));                                   \
    exports.Set("eventRecord", Napi::Function::New(env, EventRecord));                                   \
    exports.Set("eventQuery", Napi::Function::New(env, EventQuery));                                     \
    exports.Set("enqueueHostCallback", Napi::Function::New(env, EnqueueHostCallback));                   \
    exports.Set("enqueueHostCopy", Napi::Function::New(env, EnqueueHostCopy));                           \
    exports.Set("memoryAllocate", Napi::Function::New(env, MemoryAllocate));                             \
    exports.Set("memoryFree", Napi::Function::New(env, MemoryFree));                                     \
    exports.Set("pinnedAllocate", Napi::Function::New(env, PinnedAllocate));                             \
    exports.Set("pinnedFree", Napi::Function::New(env, PinnedFree));                                     \
    exports.Set("copy", Napi::Function::New(env, Copy));                                                 \
    exports.Set("set", Napi::Function::New(env, Set));                                                   \
    exports.Set("compile", Napi::Function::New(env, Compile));                                           \
    exports.Set("moduleLoad", Napi::Function::New(env, ModuleLoad));                                     \
    exports.Set("moduleFunction", Napi::Function::New(env, ModuleFunction));                             \
    exports.Set("functionAttributes", Napi::Function::New(env, FunctionAttributes));                     \
    exports.Set("functionSetMaxDynamicShared", Napi::Function::New(env, FunctionSetMaxDynamicShared));   \
    exports.Set("launch", Napi::Function::New(env, Launch));                                             \
  } while (false)
