#!/usr/bin/env node
// The alpaka-layer benchmark on cuda_async (issue 16): the pipeline of alpaka producers against the direct
// pipeline (tools/benchmarks/alpaka-pipeline-benchmark.mjs). Bundled with bundle-for-gpu.mjs and run on the GPU
// machine: /tmp/node --expose-gc .gpu/bundle/dist/cuda-alpaka-pipeline.mjs [events=400] [rounds=5] [streams=1,4] [size=1000000]
import { allocatorStatistics, cudaBackend, pinnedAllocatorStatistics } from '@alpaka-ts/backend-cuda';
import { registerBackend } from '@alpaka-ts/interface';
import { printPipelineResults, runPipelineBenchmark } from '../benchmarks/alpaka-pipeline-benchmark.mjs';

const probe = cudaBackend.probe();
if (!probe.available) {
  console.log(`cuda_async: UNAVAILABLE: ${probe.reason}`);
  process.exit(2);
}
registerBackend(cudaBackend);
const events = Number(process.argv[2] ?? 400);
const rounds = Number(process.argv[3] ?? 5);
const streamCounts = (process.argv[4] ?? '1,4').split(',').map(Number);
const size = Number(process.argv[5] ?? 1_000_000);
// Driver allocations (cuMemAlloc, cuMemHostAlloc) made during a run: what the caching allocators could not serve.
const allocationCounts = () =>
  cudaBackend
    .platform()
    .devices()
    .reduce((total, _, index) => total + allocatorStatistics(index).driverAllocations, 0) +
  (pinnedAllocatorStatistics()?.driverAllocations ?? 0);
printPipelineResults(
  await runPipelineBenchmark({ backendName: 'cuda_async', size, events, rounds, streamCounts, allocationCounts }),
);
