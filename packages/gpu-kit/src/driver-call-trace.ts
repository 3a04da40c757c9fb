import { closeSync, openSync, writeSync } from 'node:fs';
import type { GpuNativeAddon } from './native-binding';

/**
 * A trace of every call into the native addon, for finding where a job hangs on a GPU (as CUDA's API trace
 * tools do): with ALPAKA_TS_TRACE_DRIVER set to a file name (or to `stderr`), each call is written before it
 * enters the driver and again when it returns, and each host callback when the driver's thread hands it to
 * JavaScript. The lines are written synchronously, so the last one survives a hung or killed process: an
 * entered call with no return is the call that blocks; a trace that ends on a return means JavaScript went
 * idle, waiting on a host callback that never came.
 */
export const driverTraceVariable = 'ALPAKA_TS_TRACE_DRIVER';

/** The addon itself unless ALPAKA_TS_TRACE_DRIVER is set; then the same addon with every call traced. */
export function withDriverTrace<Addon extends GpuNativeAddon>(
  addon: Addon,
  setting: string | undefined = process.env[driverTraceVariable],
): Addon {
  if (setting === undefined || setting === '') return addon;
  const descriptor = setting === 'stderr' ? 2 : openSync(setting, 'a');
  if (descriptor !== 2) process.once('exit', () => closeSync(descriptor));
  const started = performance.now();
  const write = (line: string) => {
    writeSync(descriptor, `${(performance.now() - started).toFixed(3).padStart(12)} ms ${line}\n`);
  };
  return traceAddon(addon, write);
}

/** The same addon with every function call written through `write` as it enters and as it leaves. */
export function traceAddon<Addon extends object>(addon: Addon, write: (line: string) => void): Addon {
  return new Proxy(addon, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const name = String(property);
      return (...args: unknown[]) => {
        const traced =
          name === 'setHostCallbackDispatcher' ? [traceDispatcher(args[0] as (id: number) => void, write)] : args;
        write(`> ${name}(${args.map(describeArgument).join(', ')})`);
        try {
          const result = value.apply(target, traced);
          write(`< ${name}${result === undefined ? '' : ` = ${describeArgument(result)}`}`);
          return result;
        } catch (error) {
          write(`! ${name}: ${(error as Error).message}`);
          throw error;
        }
      };
    },
  });
}

function traceDispatcher(dispatch: (id: number) => void, write: (line: string) => void): (id: number) => void {
  return (id) => {
    write(`> host callback ${id}`);
    dispatch(id);
    write(`< host callback ${id}`);
  };
}

function describeArgument(value: unknown): string {
  if (typeof value === 'bigint') return `0x${value.toString(16)}`;
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength})`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${value.byteLength})`;
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
  if (typeof value === 'function') return 'function';
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object' && value !== null) return '{…}';
  return String(value);
}
