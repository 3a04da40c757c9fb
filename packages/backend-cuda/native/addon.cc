// The cuda_async native layer. It links against nothing from CUDA: libcuda and libnvrtc are opened
// with dlopen at run time (backend-cuda issue), so the addon builds on machines without a CUDA SDK.
#include <napi.h>

namespace {

// Bumped whenever the JavaScript side must change together with the addon.
constexpr const char* kAddonAbiVersion = "alpaka-ts.cuda-addon.1";

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("abiVersion", Napi::String::New(env, kAddonAbiVersion));
  return exports;
}

}  // namespace

NODE_API_MODULE(alpaka_cuda, Init)
