import { InvalidArgumentError } from '@alpaka-ts/interface';

export type CpuEmitter = 'webassembly' | 'javascript';

/**
 * Which emitter serial_sync runs kernels through: WebAssembly (the default) or JavaScript, chosen by
 * ALPAKA_TS_CPU_EMITTER for comparisons and debugging (the JavaScript kernel can be stepped through). Both give
 * the same results; WebAssembly is faster because f32 arithmetic is native there.
 */
export function cpuEmitterChoice(): CpuEmitter {
  const value = process.env.ALPAKA_TS_CPU_EMITTER;
  if (value === undefined || value === '' || value === 'webassembly') return 'webassembly';
  if (value === 'javascript') return 'javascript';
  throw new InvalidArgumentError(
    `ALPAKA_TS_CPU_EMITTER is '${value}'; set it to 'webassembly' (the default) or 'javascript', or unset it.`,
  );
}
