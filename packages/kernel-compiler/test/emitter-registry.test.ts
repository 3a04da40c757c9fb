import { array, f32, kernel, u32 } from '@alpaka-ts/interface';
import { describe, expect, it, vi } from 'vitest';
import {
  checkKernel,
  type EmitOptions,
  emitterFor,
  irVersion,
  type KernelIR,
  type RegisteredKernelEmitter,
  registerEmitter,
  registeredEmitterTargets,
  type Statement,
} from '../src/for-emitters';
import { emitCppModule } from '../src/index';

const scale = kernel('scale', { n: u32, x: array(f32) }, (acc, { n, x }) => {
  for (const i of acc.uniformElements(n)) x[i] = x[i] * 2;
});

/** A third-party dialect in miniature: it names the statement kinds of the kernel body, in order. */
const outlineEmitter: RegisteredKernelEmitter<string> = {
  target: 'outline',
  version: '1',
  irVersion,
  emit: (ir: KernelIR, options: EmitOptions) =>
    `${ir.name}/${options.dimension}d: ${ir.body.map((statement: Statement) => statement.kind).join(' ')}`,
};

describe('the emitter registry of @alpaka-ts/kernel-compiler/ir', () => {
  it('has the built-in emitters, and takes a third-party emitter written against this IR version', () => {
    expect(registeredEmitterTargets()).toEqual(expect.arrayContaining(['javascript', 'webassembly', 'cuda', 'hip']));
    registerEmitter(outlineEmitter);
    registerEmitter(outlineEmitter);
    const emitter = emitterFor<string>('outline');
    expect(emitter).toBe(outlineEmitter);
    expect(emitter.emit(checkKernel(scale, { dimension: 1 }), { dimension: 1 })).toMatch(/^scale\/1d: \w+/);
  });

  it('refuses an emitter written for another IR version, a second emitter for a target, and an unknown target', () => {
    expect(() => registerEmitter({ ...outlineEmitter, target: 'old', irVersion: 0 as never })).toThrow(
      /emitter for target 'old' was written for IR version 0; this @alpaka-ts\/kernel-compiler emits IR version 1/,
    );
    expect(registeredEmitterTargets()).not.toContain('old');
    registerEmitter(outlineEmitter);
    expect(() => registerEmitter({ ...outlineEmitter })).toThrow(
      /an emitter for target 'outline' is already registered/,
    );
    expect(() => registerEmitter({ target: 'x' } as never)).toThrow(/needs \{ target, version, irVersion, emit/);
    expect(() => emitterFor('sycl')).toThrow(
      /no kernel emitter is registered for target 'sycl'; registered: javascript/,
    );
  });

  it("is where the GPU backends' module emission finds the CUDA and HIP emitters", () => {
    for (const dialect of ['cuda', 'hip'] as const) {
      const emitter = emitterFor(dialect);
      const emit = vi.spyOn(emitter, 'emit');
      try {
        const module = emitCppModule(dialect, [{ kernel: scale, dimension: 1, oneElementPerThread: true }]);
        expect(emit).toHaveBeenCalledTimes(1);
        expect(emit.mock.calls[0]?.[1]).toEqual({ dimension: 1, oneElementPerThread: true, boundsChecks: false });
        const emitted = emit.mock.results[0]?.value as { code: string } | undefined;
        expect(emitted?.code).toMatch(/\S/);
        expect(module.source).toContain(emitted?.code);
      } finally {
        emit.mockRestore();
      }
    }
  });
});
