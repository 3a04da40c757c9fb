// The rocm_async native layer. It links against nothing from ROCm: libamdhip64 and hiprtc are opened
// with dlopen at run time (backend-rocm issue), so the addon builds on machines without a ROCm SDK.
#include <napi.h>

namespace {

// Bumped whenever the JavaScript side must change together with the addon.
constexpr const char* kAddonAbiVersion = "alpaka-ts.rocm-addon.1";

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("abiVersion", Napi::String::New(env, kAddonAbiVersion));
  return exports;
}

}  // namespace

NODE_API_MODULE(alpaka_rocm, Init)
