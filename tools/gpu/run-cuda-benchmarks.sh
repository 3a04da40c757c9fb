#!/usr/bin/env bash
# Runs every cuda_async benchmark and its references on the GPU machine; writes JSON lines to $OUT (or /tmp).
# Needs .gpu/ from: node tools/gpu/bundle-for-gpu.mjs tools/gpu/cuda-benchmarks.mjs
set -uo pipefail
out=${OUT:-/tmp}
xz -dc .gpu/node.xz > /tmp/node && chmod +x /tmp/node
nvcc -O3 -arch=sm_90 -o /tmp/cuda-reference tools/gpu/native/cuda-reference.cu -lcuda || exit 1
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.mem --format=csv,noheader | tee "$out/gpu.txt"
export ALPAKA_TS_CACHE_DIR=/tmp/alpaka-bench-cache
rm -rf "$ALPAKA_TS_CACHE_DIR"
for round in 1 2; do
  /tmp/cuda-reference | tee -a "$out/native.jsonl"
  # The first process compiles the kernels, the second loads them from the disk cache.
  /tmp/node .gpu/bundle/dist/cuda-benchmarks.mjs | tee -a "$out/alpaka.jsonl"
done
PYTHONUNBUFFERED=1 python3 tools/gpu/launch-overhead.py | tee "$out/python.jsonl"
