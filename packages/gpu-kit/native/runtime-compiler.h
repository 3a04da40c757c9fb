// NVRTC and hiprtc have the same shape: create a program, compile it with options, read the log and the code,
// destroy it. One binding serves both: the entry points are found by the library's prefix ("nvrtc", "hiprtc")
// and its name for the code ("CUBIN", "Code"); programs are opaque pointers in both.
#pragma once
#include <dlfcn.h>
#include <napi.h>

#include <string>

#include "gpu-addon.h"

namespace alpaka_gpu {

struct RuntimeCompilerApi {
  int (*version)(int*, int*);
  int (*createProgram)(void**, const char*, const char*, int, const char* const*, const char* const*);
  int (*compileProgram)(void*, int, const char* const*);
  int (*getProgramLogSize)(void*, size_t*);
  int (*getProgramLog)(void*, char*);
  int (*getCodeSize)(void*, size_t*);
  int (*getCode)(void*, char*);
  int (*destroyProgram)(void**);
  const char* (*getErrorString)(int);
  bool loaded = false;
};

// load(path) -> { loaded, reason?, version? }: dlopen of one file and its entry points.
inline Napi::Value loadRuntimeCompiler(const Napi::CallbackInfo& info, RuntimeCompilerApi& api, const std::string& prefix,
                                       const std::string& codeName) {
  Napi::Env env = info.Env();
  std::string path = info[0].As<Napi::String>();
  Napi::Object result = Napi::Object::New(env);
  void* library = openLibrary(path, result);
  if (!library) return result;
  auto entry = [&](const std::string& name) { return (prefix + name); };
  bool ok = bind(library, entry("Version").c_str(), api.version) && bind(library, entry("CreateProgram").c_str(), api.createProgram) &&
            bind(library, entry("CompileProgram").c_str(), api.compileProgram) &&
            bind(library, entry("GetProgramLogSize").c_str(), api.getProgramLogSize) &&
            bind(library, entry("GetProgramLog").c_str(), api.getProgramLog) &&
            bind(library, entry("Get" + codeName + "Size").c_str(), api.getCodeSize) &&
            bind(library, entry("Get" + codeName).c_str(), api.getCode) &&
            bind(library, entry("DestroyProgram").c_str(), api.destroyProgram) &&
            bind(library, entry("GetErrorString").c_str(), api.getErrorString);
  if (!ok) {
    result.Set("loaded", false);
    result.Set("reason", "missing " + prefix + " entry point: " + dlerror());
    return result;
  }
  int major = 0, minor = 0;
  api.version(&major, &minor);
  api.loaded = true;
  result.Set("loaded", true);
  result.Set("version", std::to_string(major) + "." + std::to_string(minor));
  return result;
}

// compile(source, name, options) -> { ok, binary?: ArrayBuffer (the code object), log, error }
inline Napi::Value compileWith(const Napi::CallbackInfo& info, const RuntimeCompilerApi& api, const std::string& prefix) {
  Napi::Env env = info.Env();
  if (!api.loaded) throw Napi::Error::New(env, prefix + " is not loaded");
  std::string source = info[0].As<Napi::String>(), name = info[1].As<Napi::String>();
  CompileOptions options(info[2].As<Napi::Array>());
  void* program = nullptr;
  int created = api.createProgram(&program, source.c_str(), name.c_str(), 0, nullptr, nullptr);
  if (created != 0) throw Napi::Error::New(env, prefix + "CreateProgram failed: " + api.getErrorString(created));
  int compiled = api.compileProgram(program, static_cast<int>(options.pointers.size()), options.pointers.data());
  size_t logSize = 0;
  api.getProgramLogSize(program, &logSize);
  std::string log(logSize, '\0');
  if (logSize > 0) api.getProgramLog(program, &log[0]);
  Napi::Object result = Napi::Object::New(env);
  result.Set("ok", compiled == 0);
  result.Set("log", log.c_str());
  result.Set("error", api.getErrorString(compiled));
  if (compiled == 0) {
    size_t size = 0;
    api.getCodeSize(program, &size);
    Napi::ArrayBuffer code = Napi::ArrayBuffer::New(env, size);
    api.getCode(program, static_cast<char*>(code.Data()));
    result.Set("binary", code);
  }
  api.destroyProgram(&program);
  return result;
}

}  // namespace alpaka_gpu
