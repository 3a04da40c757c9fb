// The native reference for the cuda_async benchmarks (BENCHMARKS.md), built on the GPU machine with
// nvcc -O3 -arch=sm_90 -lcuda. Each figure is timed the way the alpaka-ts side times it: wall clock around
// N enqueues and one synchronisation, best of several rounds. Prints one JSON object.
#include <cuda.h>
#include <cuda_runtime.h>

#include <chrono>
#include <cstdio>

#define CHECK(call)                                                                            \
  do {                                                                                         \
    cudaError_t status = (call);                                                               \
    if (status != cudaSuccess) {                                                               \
      std::fprintf(stderr, "%s failed: %s\n", #call, cudaGetErrorString(status));              \
      return 1;                                                                                \
    }                                                                                          \
  } while (0)

__global__ void saxpy(unsigned n, float a, const float* x, float* y) {
  unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}

__global__ void fillColumns(unsigned n, float* x, float* y, float* z, int* id) {
  unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    x[i] = 0.5f * i;
    y[i] = 1.5f * i;
    z[i] = -0.25f * i;
    id[i] = (int)i;
  }
}

__global__ void empty0() {}
__global__ void empty16(float*, float*, float*, float*, float*, float*, float*, float*, unsigned, unsigned, unsigned, unsigned, float, float, float, float) {}

template <typename F>
double bestSeconds(int rounds, int repetitions, cudaStream_t stream, F&& enqueue) {
  double best = 1e30;
  for (int round = 0; round < rounds; ++round) {
    auto start = std::chrono::steady_clock::now();
    for (int repetition = 0; repetition < repetitions; ++repetition) enqueue();
    cudaStreamSynchronize(stream);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / repetitions;
    if (seconds < best) best = seconds;
  }
  return best;
}

int main() {
  const unsigned n = 1u << 28;
  cudaStream_t stream;
  CHECK(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
  float *x, *y, *z, *w;
  int* id;
  CHECK(cudaMalloc(&x, n * sizeof(float)));
  CHECK(cudaMalloc(&y, n * sizeof(float)));
  CHECK(cudaMalloc(&z, n * sizeof(float)));
  CHECK(cudaMalloc(&w, n * sizeof(float)));
  CHECK(cudaMalloc(&id, n * sizeof(int)));
  CHECK(cudaMemsetAsync(x, 0, n * sizeof(float), stream));
  CHECK(cudaMemsetAsync(y, 0, n * sizeof(float), stream));
  const unsigned threads = 256, blocks = (n + threads - 1) / threads;
  for (int warm = 0; warm < 3; ++warm) saxpy<<<blocks, threads, 0, stream>>>(n, 2.0f, x, y);
  CHECK(cudaStreamSynchronize(stream));
  double copy = bestSeconds(5, 10, stream, [&] { cudaMemcpyAsync(y, x, n * sizeof(float), cudaMemcpyDeviceToDevice, stream); });
  double saxpySeconds = bestSeconds(5, 20, stream, [&] { saxpy<<<blocks, threads, 0, stream>>>(n, 2.0f, x, y); });
  double fill = bestSeconds(5, 20, stream, [&] { fillColumns<<<blocks, threads, 0, stream>>>(n, x, y, z, id); });

  // Launch overhead through the driver API, as cuda_async launches: cuLaunchKernel on the kernels' CUfunctions.
  cudaFunction_t f0, f16;
  CHECK(cudaGetFuncBySymbol(&f0, (const void*)empty0));
  CHECK(cudaGetFuncBySymbol(&f16, (const void*)empty16));
  float* pointers[8] = {x, y, z, w, x, y, z, w};
  unsigned integers[4] = {1, 2, 3, 4};
  float floats[4] = {1, 2, 3, 4};
  void* arguments16[16];
  for (int i = 0; i < 8; ++i) arguments16[i] = &pointers[i];
  for (int i = 0; i < 4; ++i) arguments16[8 + i] = &integers[i];
  for (int i = 0; i < 4; ++i) arguments16[12 + i] = &floats[i];
  CUstream driverStream = reinterpret_cast<CUstream>(stream);
  double launch0 = bestSeconds(5, 10000, stream, [&] { cuLaunchKernel(reinterpret_cast<CUfunction>(f0), 1, 1, 1, 1, 1, 1, 0, driverStream, nullptr, nullptr); });
  double launch16 = bestSeconds(5, 10000, stream, [&] { cuLaunchKernel(reinterpret_cast<CUfunction>(f16), 1, 1, 1, 1, 1, 1, 0, driverStream, arguments16, nullptr); });

  const size_t pinnedBytes = size_t(1) << 28;
  void* pinned;
  CHECK(cudaMallocHost(&pinned, pinnedBytes));
  double toDevice = bestSeconds(5, 5, stream, [&] { cudaMemcpyAsync(w, pinned, pinnedBytes, cudaMemcpyHostToDevice, stream); });
  double toHost = bestSeconds(5, 5, stream, [&] { cudaMemcpyAsync(pinned, w, pinnedBytes, cudaMemcpyDeviceToHost, stream); });
  CHECK(cudaGetLastError());
  std::printf(
      "{\"n\":%u,\"copyMs\":%.4f,\"saxpyMs\":%.4f,\"fillMs\":%.4f,\"launch0Us\":%.3f,\"launch16Us\":%.3f,\"pinnedBytes\":%zu,\"toDeviceMs\":%.4f,\"toHostMs\":%.4f}\n",
      n, copy * 1e3, saxpySeconds * 1e3, fill * 1e3, launch0 * 1e6, launch16 * 1e6, pinnedBytes, toDevice * 1e3, toHost * 1e3);
  return 0;
}
