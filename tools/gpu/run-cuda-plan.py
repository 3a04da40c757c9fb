#!/usr/bin/env python3
"""Runs a plan from make-cuda-semantics-plan.mjs on an NVIDIA GPU with CuPy: compiles the emitted CUDA module
with NVRTC (the options the kernel compiler requires), launches each kernel with its GPU work division, and
compares every output with what the JavaScript emitter produced. Exits 1 on any mismatch."""
import base64
import json
import sys

import cupy as cp
import numpy as np


def decode(text, dtype):
    return np.frombuffer(base64.b64decode(text), dtype=dtype).copy()


def same(actual, expected, compare, tolerance):
    """Exact: equal bits, or both NaN (NaN payloads differ between JavaScript and the GPU). Close: relative tolerance."""
    if actual.dtype.kind != 'f':
        return np.nonzero(actual != expected)[0]
    both_nan = np.isnan(actual) & np.isnan(expected)
    if compare == 'exact':
        bits = np.uint32 if actual.dtype == np.float32 else np.uint64
        return np.nonzero((actual.view(bits) != expected.view(bits)) & ~both_nan)[0]
    scale = np.maximum(np.abs(expected), np.finfo(actual.dtype).tiny)
    with np.errstate(invalid='ignore', divide='ignore'):  # inf - inf is NaN here; equal infinities pass below
        bad = ~(np.abs(actual - expected) / scale <= tolerance) & ~both_nan & ~(actual == expected)
    return np.nonzero(bad)[0]


def main(path):
    plan = json.load(open(path))
    module = cp.RawModule(code=plan['source'], options=tuple(plan['options']))
    device = cp.cuda.Device()
    print(f"device: {cp.cuda.runtime.getDeviceProperties(device.id)['name'].decode()}, options {plan['options']}")
    failures = 0
    for launch in plan['launches']:
        function = module.get_function(launch['entry'])
        args, outputs = [], []
        for argument in launch['args']:
            if argument['kind'] == 'scalar':
                args.append(np.dtype(argument['dtype']).type(argument['value']))
                continue
            host = decode(argument['data'], argument['dtype'])
            device_array = cp.asarray(host)
            args.append(device_array)
            if argument.get('expected') is not None:
                outputs.append((argument['name'], device_array, decode(argument['expected'], argument['dtype'])))
        grid = tuple(list(reversed(launch['blocks'])) + [1] * (3 - len(launch['blocks'])))
        block = tuple(list(reversed(launch['threads'])) + [1] * (3 - len(launch['threads'])))
        function(grid, block, tuple(args), shared_mem=launch['dynamicSharedBytes'])
        device.synchronize()
        problems = []
        for name, device_array, expected in outputs:
            actual = cp.asnumpy(device_array)
            bad = same(actual, expected, launch['compare'], launch['tolerance'])
            if len(bad):
                index = int(bad[0])
                problems.append(f"{name}: {len(bad)} of {len(expected)} differ, first [{index}] gpu {actual[index]!r} javascript {expected[index]!r}")
        status = 'ok' if not problems else 'MISMATCH'
        failures += bool(problems)
        print(f"{status:8} {launch['label']} ({launch['entry']}, grid {grid}, block {block})")
        for problem in problems:
            print(f"           {problem}")
    print(f"{len(plan['launches']) - failures} of {len(plan['launches'])} launches match the JavaScript emitter")
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main(sys.argv[1])
