import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceAddon, withDriverTrace } from '../src/driver-call-trace';
import { h200, standInGpuAddon } from '../src/testing';

describe('the driver call trace (ALPAKA_TS_TRACE_DRIVER)', () => {
  it('leaves the addon untouched when the variable is unset', () => {
    const { addon } = standInGpuAddon({ device: h200 });
    expect(withDriverTrace(addon, undefined)).toBe(addon);
    expect(withDriverTrace(addon, '')).toBe(addon);
  });

  it('writes each call as it enters and leaves, with its result, and each host callback', async () => {
    const { addon } = standInGpuAddon({ device: h200 });
    const lines: string[] = [];
    const traced = traceAddon(addon, (line) => lines.push(line));
    let dispatched = 0;
    traced.setHostCallbackDispatcher(() => dispatched++);
    const stream = traced.streamCreate(0);
    traced.enqueueHostCallback(0, stream, 7, false);
    expect(lines).toEqual([
      '> setHostCallbackDispatcher(function)',
      '< setHostCallbackDispatcher',
      '> streamCreate(0)',
      `< streamCreate = 0x${stream.toString(16)}`,
      `> enqueueHostCallback(0, 0x${stream.toString(16)}, 7, false)`,
      '< enqueueHostCallback',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10)); // the stand-in's stream gets there on a later turn
    expect(dispatched).toBe(1);
    expect(lines).toContain('> host callback 7');
    expect(lines).toContain('< host callback 7');
  });

  it('writes a failing call with its error, and passes the error on', () => {
    const lines: string[] = [];
    const failing = traceAddon(
      {
        memoryFree(_device: number, _pointer: bigint): void {
          throw new Error('cuMemFree: CUDA_ERROR_INVALID_VALUE (1)');
        },
      },
      (line) => lines.push(line),
    );
    expect(() => failing.memoryFree(0, 0xdeadn)).toThrow('CUDA_ERROR_INVALID_VALUE');
    expect(lines).toEqual(['> memoryFree(0, 0xdead)', '! memoryFree: cuMemFree: CUDA_ERROR_INVALID_VALUE (1)']);
  });

  it('appends to the file the variable names, one line at a time with the time since it began', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'driver-trace-')), 'trace.txt');
    const traced = withDriverTrace(standInGpuAddon({ device: h200 }).addon, file);
    traced.freeMemory(0);
    expect(readFileSync(file, 'utf8')).toMatch(
      /^ +\d+\.\d{3} ms > freeMemory\(0\)\n +\d+\.\d{3} ms < freeMemory = \d+\n$/,
    );
  });
});
