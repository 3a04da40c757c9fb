{
  "targets": [
    {
      "target_name": "alpaka_cuda",
      "sources": ["native/addon.cc"],
      "include_dirs": ["<!(node -p \"require('path').join(require('path').dirname(require.resolve('@alpaka-ts/gpu-kit/package.json')), 'native')\")"],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"],
      "cflags_cc": ["-std=c++17", "-O2"],
      "libraries": ["-ldl"]
    }
  ]
}
