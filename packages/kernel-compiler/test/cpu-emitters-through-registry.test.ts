import { array, f32, kernel, u32 } from '@alpaka-ts/interface';
import { HostHeap } from '@alpaka-ts/interface/backend';
import { describe, expect, it, vi } from 'vitest';
import type { KernelEmitter } from '../src/emitter-registry';
import { compileJavaScriptKernel, compileWebAssemblyKernel, type JavaScriptKernelSource } from '../src/index';

// The registry hands out wrapping emitters for the CPU targets. The registry refuses a second emitter for a
// built-in target, and a spy on the built-in object would be seen by a direct import too; only an emitter the
// compile functions can get from nowhere but emitterFor shows that they look their emitter up there.
const wrapped = vi.hoisted(() => ({ targets: [] as string[] }));
vi.mock('../src/emitter-registry', async (importOriginal) => {
  const registry = await importOriginal<typeof import('../src/emitter-registry')>();
  const wrap = (emitter: KernelEmitter): KernelEmitter => ({
    target: emitter.target,
    version: emitter.version,
    emit: (ir, options) => {
      wrapped.targets.push(emitter.target);
      const emitted = emitter.emit(ir, options);
      if (emitter.target !== 'javascript') return emitted;
      const source = emitted as JavaScriptKernelSource;
      return { ...source, source: `/* wrapped */\n${source.source}` };
    },
  });
  const emitters = new Map<string, KernelEmitter>();
  return {
    ...registry,
    emitterFor: (target: string) => {
      let emitter = emitters.get(target);
      if (!emitter) {
        emitter = wrap(registry.emitterFor(target));
        emitters.set(target, emitter);
      }
      return emitter;
    },
  };
});

const scale = kernel('scale', { n: u32, x: array(f32) }, (acc, { n, x }) => {
  for (const i of acc.uniformElements(n)) x[i] = x[i] * 2;
});

describe('the CPU compile functions', () => {
  it("compile and run the JavaScript the registry's emitter returns", () => {
    wrapped.targets.length = 0;
    const compiled = compileJavaScriptKernel(scale, 1);
    expect(wrapped.targets).toEqual(['javascript']);
    expect(compiled.source).toMatch(/^\/\* wrapped \*\/\n/);
    const x = Float32Array.from([1, 2]);
    const workDivision = { blocksPerGrid: [1], threadsPerBlock: [1], elementsPerThread: [2] };
    compiled.run({ n: 2, x }, workDivision, new ArrayBuffer(0), undefined, undefined);
    expect([...x]).toEqual([2, 4]);
  });

  it("build the WebAssembly module the registry's emitter returns", () => {
    wrapped.targets.length = 0;
    const compiled = compileWebAssemblyKernel(scale, 1, undefined, new HostHeap(1).memory);
    expect(wrapped.targets).toEqual(['webassembly']);
    expect(compiled.staticSharedBytes).toBe(0);
  });
});
