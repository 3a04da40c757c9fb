// The C++ reference for the serial benchmark: the same saxpy and sum loops the alpaka-ts kernels run,
// built with g++ -O2 by serial-vs-cpp.mjs. Prints the best time of each over the given repetitions, as JSON.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

template <typename F>
static double bestMilliseconds(int repetitions, F&& body) {
  double best = 1e300;
  for (int r = 0; r < repetitions; ++r) {
    auto start = std::chrono::steady_clock::now();
    body();
    auto stop = std::chrono::steady_clock::now();
    double ms = std::chrono::duration<double, std::milli>(stop - start).count();
    if (ms < best) best = ms;
  }
  return best;
}

// noinline keeps the loops as separate functions taking pointers, as a kernel would.
__attribute__((noinline)) static void saxpy(unsigned n, float a, const float* x, float* y) {
  for (unsigned i = 0; i < n; ++i) y[i] = a * x[i] + y[i];
}

__attribute__((noinline)) static float sum(unsigned n, const float* x) {
  float total = 0.0f;
  for (unsigned i = 0; i < n; ++i) total += x[i];
  return total;
}

int main(int argc, char** argv) {
  unsigned n = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : (1u << 24);
  int repetitions = argc > 2 ? std::atoi(argv[2]) : 20;
  std::vector<float> x(n), y(n);
  for (unsigned i = 0; i < n; ++i) {
    x[i] = static_cast<float>(i % 1000) * 0.001f;
    y[i] = 1.0f;
  }
  double saxpyMs = bestMilliseconds(repetitions, [&] { saxpy(n, 2.0f, x.data(), y.data()); });
  volatile float sink = 0;
  double sumMs = bestMilliseconds(repetitions, [&] { sink = sum(n, x.data()); });
  std::printf("{\"n\":%u,\"saxpyMs\":%.4f,\"sumMs\":%.4f,\"sum\":%.6f}\n", n, saxpyMs, sumMs, static_cast<double>(sink));
  return 0;
}
