#!/usr/bin/env python3
"""Launch overhead of an empty kernel with 0 and 16 arguments through CuPy's RawKernel and through Triton, timed
as the alpaka-ts side is: wall clock around N launches and one synchronisation, best of 5 rounds. Prints JSON."""
import json
import time

import cupy as cp

N = 10000


def best(launch):
    fastest = float('inf')
    for _ in range(5):
        cp.cuda.Device().synchronize()
        start = time.perf_counter()
        for _ in range(N):
            launch()
        cp.cuda.Device().synchronize()
        fastest = min(fastest, (time.perf_counter() - start) / N)
    return fastest * 1e6


source = r'''
extern "C" __global__ void empty0() {}
extern "C" __global__ void empty16(float*, float*, float*, float*, float*, float*, float*, float*,
                                   unsigned, unsigned, unsigned, unsigned, float, float, float, float) {}
'''
module = cp.RawModule(code=source)
empty0, empty16 = module.get_function('empty0'), module.get_function('empty16')
buffers = [cp.zeros(16, dtype=cp.float32) for _ in range(8)]
arguments16 = (*buffers, *(cp.uint32(i) for i in range(4)), *(cp.float32(i) for i in range(4)))
empty0((1,), (1,), ())
empty16((1,), (1,), arguments16)
result = {'cupy0Us': best(lambda: empty0((1,), (1,), ())), 'cupy16Us': best(lambda: empty16((1,), (1,), arguments16))}

try:
    import torch
    import triton

    @triton.jit
    def triton_empty0():
        pass

    @triton.jit
    def triton_empty16(a, b, c, d, e, f, g, h, i: int, j: int, k: int, l: int, m: float, n: float, o: float, p: float):
        pass

    tensors = [torch.zeros(16, device='cuda') for _ in range(8)]
    triton_empty0[(1,)]()
    triton_empty16[(1,)](*tensors, 1, 2, 3, 4, 1.0, 2.0, 3.0, 4.0)
    result['triton0Us'] = best(lambda: triton_empty0[(1,)]())
    result['triton16Us'] = best(lambda: triton_empty16[(1,)](*tensors, 1, 2, 3, 4, 1.0, 2.0, 3.0, 4.0))
except Exception as error:  # noqa: BLE001 - reported, not hidden
    result['tritonError'] = str(error)
print(json.dumps(result))
