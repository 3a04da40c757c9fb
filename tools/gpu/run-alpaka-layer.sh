#!/usr/bin/env bash
# Runs the alpaka layer on the GPU machine: its checks through cuda_async, then the pipeline benchmark
# (framework vs direct, 1 and 4 streams). Writes the outputs to $OUT (or /tmp).
# Needs .gpu/ from: node tools/gpu/bundle-for-gpu.mjs tools/gpu/run-alpaka-layer.mjs
#              and: node tools/gpu/bundle-for-gpu.mjs tools/gpu/cuda-alpaka-pipeline.mjs
set -uo pipefail
out=${OUT:-/tmp}
xz -dc .gpu/node.xz > /tmp/node && chmod +x /tmp/node
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.mem --format=csv,noheader | tee "$out/gpu.txt"
export ALPAKA_TS_CACHE_DIR=/tmp/alpaka-layer-cache
status=0
/tmp/node .gpu/bundle/dist/run-alpaka-layer.mjs | tee "$out/alpaka-layer.txt" || status=1
/tmp/node --expose-gc .gpu/bundle/dist/cuda-alpaka-pipeline.mjs "${PIPELINE_EVENTS:-400}" "${PIPELINE_ROUNDS:-5}" | tee "$out/alpaka-pipeline.txt" || status=1
exit $status
