#!/usr/bin/env bash
# Runs the cuda_async conformance check on the GPU machine, twice in fresh processes from an empty kernel cache
# (the second must compile nothing): the suite, the allocators, portable collections, dynamic shared memory,
# then bounds checks (the suite with ALPAKA_TS_BOUNDS_CHECKS=1 and deliberate out-of-range kernels; PASS/FAIL
# lines). Writes the logs to $OUT (or /tmp). Needs .gpu/ from:
#   node tools/gpu/bundle-for-gpu.mjs tools/gpu/run-cuda-conformance.mjs
set -uo pipefail
out=${OUT:-/tmp}
xz -dc .gpu/node.xz > /tmp/node && chmod +x /tmp/node
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader | tee "$out/gpu.txt"
export ALPAKA_TS_CACHE_DIR=/tmp/alpaka-conformance-cache
rm -rf "$ALPAKA_TS_CACHE_DIR"
status=0
for round in 1 2; do
  /tmp/node --expose-gc .gpu/bundle/dist/run-cuda-conformance.mjs 2>&1 | tee "$out/conformance-$round.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
grep -h '^FAIL\|FAILED' "$out"/conformance-*.log && status=1
echo "conformance on the GPU: $([ $status -eq 0 ] && echo PASS || echo FAIL)"
exit $status
