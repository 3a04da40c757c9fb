import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('a process whose address space refuses the host heap', () => {
  it('says why, keeps host buffers as ArrayBuffers, and runs kernels through the JavaScript emitter', () => {
    // V8 reserves a WebAssembly memory's whole 4 GiB range (with guard pages) up front; 6 GB of address space
    // is enough for Node itself but not for that reservation.
    const script = fileURLToPath(new URL('./fixtures/heap-under-address-limit.mjs', import.meta.url));
    const output = execFileSync('bash', ['-c', `ulimit -v 6000000 && exec "${process.execPath}" "${script}"`], {
      encoding: 'utf8',
    });
    const report = JSON.parse(output) as {
      available: boolean;
      reason: string;
      inHeap: boolean;
      values: number[];
      launches: { webassembly: number; javascript: number };
    };
    expect(report.available).toBe(false);
    expect(report.reason).toMatch(/could not reserve its 4 GiB WebAssembly memory .*ulimit -v/);
    expect(report.inHeap).toBe(false);
    expect(report.values).toEqual([0, 1.5, 3]);
    expect(report.launches).toEqual({ webassembly: 0, javascript: 1 });
  });
});
