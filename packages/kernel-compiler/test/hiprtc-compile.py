#!/usr/bin/env python3
"""Compiles a HIP source file with hiprtc (from Debian's libamdhip64-5; no AMD GPU needed) for one gfx
architecture and prints the code object's size, or the compile log and exit code 1. Used by
hip-compile.test.ts. Usage: hiprtc-compile.py SOURCE ARCH [OPTION ...]"""
import ctypes
import sys


def main(source_path, architecture, *options):
    try:
        hip = ctypes.CDLL('libamdhip64.so.5')
    except OSError as error:
        print(f'libamdhip64.so.5 not found ({error}); install it with apt-get install libamdhip64-5 libhiprtc-builtins5')
        return 2
    hip.hiprtcGetErrorString.restype = ctypes.c_char_p
    program = ctypes.c_void_p()
    source = open(source_path, 'rb').read()

    def check(result, call):
        if result != 0:
            raise RuntimeError(f'{call} failed: {hip.hiprtcGetErrorString(result).decode()}')

    check(hip.hiprtcCreateProgram(ctypes.byref(program), source, b'module.hip', 0, None, None), 'hiprtcCreateProgram')
    arguments = [f'--offload-arch={architecture}'.encode(), *(option.encode() for option in options)]
    option_array = (ctypes.c_char_p * len(arguments))(*arguments)
    result = hip.hiprtcCompileProgram(program, len(arguments), option_array)
    log_size = ctypes.c_size_t()
    hip.hiprtcGetProgramLogSize(program, ctypes.byref(log_size))
    log = ctypes.create_string_buffer(log_size.value + 1)
    hip.hiprtcGetProgramLog(program, log)
    if result != 0:
        print(f'hiprtcCompileProgram failed: {hip.hiprtcGetErrorString(result).decode()}\n{log.value.decode(errors="replace")}')
        return 1
    code_size = ctypes.c_size_t()
    check(hip.hiprtcGetCodeSize(program, ctypes.byref(code_size)), 'hiprtcGetCodeSize')
    hip.hiprtcDestroyProgram(ctypes.byref(program))
    print(f'compiled for {architecture}: {code_size.value} bytes of code object')
    return 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
