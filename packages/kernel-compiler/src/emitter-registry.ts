import { InvalidArgumentError } from '@alpaka-ts/interface';
import type { EmitOptions } from './emit-options';
import { cudaEmitter, hipEmitter } from './emitters/cpp/cpp-emitter';
import { javaScriptEmitter } from './emitters/javascript/javascript-emitter';
import { webAssemblyEmitter } from './emitters/webassembly/webassembly-emitter';
import { type IrVersion, irVersion, type KernelIR } from './ir';

/**
 * An emitter turns a kernel's IR into code for one target ('javascript', 'webassembly', 'cuda', 'hip', or a third-party
 * backend's dialect). Backends look emitters up by target, so a new backend brings its own.
 */
export interface KernelEmitter<Output = unknown> {
  readonly target: string;
  /** Part of every cache key: bump it whenever the emitted code for the same IR changes. */
  readonly version: string;
  emit(ir: KernelIR, options: EmitOptions): Output;
}

/**
 * An emitter another package registers: it also says which version of the IR (`@alpaka-ts/kernel-compiler/ir`)
 * it was written against, so a compiler whose IR changed refuses it with a clear message instead of emitting
 * wrong code. The built-in emitters are part of this package and always match.
 */
export interface RegisteredKernelEmitter<Output = unknown> extends KernelEmitter<Output> {
  readonly irVersion: IrVersion;
}

// The built-in emitters are there from the start; backends add theirs with registerEmitter.
const emitters = new Map<string, KernelEmitter>(
  [javaScriptEmitter, webAssemblyEmitter, cudaEmitter, hipEmitter].map((emitter) => [emitter.target, emitter]),
);

export function registerEmitter(emitter: RegisteredKernelEmitter): void {
  if (
    typeof emitter?.target !== 'string' ||
    typeof emitter.emit !== 'function' ||
    typeof emitter.version !== 'string'
  ) {
    throw new InvalidArgumentError('registerEmitter needs { target, version, irVersion, emit(ir, options) }.');
  }
  if (emitter.irVersion !== irVersion) {
    throw new InvalidArgumentError(
      `the emitter for target '${emitter.target}' was written for IR version ${String(emitter.irVersion)}; this @alpaka-ts/kernel-compiler emits IR version ${irVersion}. Update the emitter's package (or the compiler) so that both agree.`,
    );
  }
  const existing = emitters.get(emitter.target);
  if (existing && existing !== emitter)
    throw new InvalidArgumentError(`an emitter for target '${emitter.target}' is already registered.`);
  emitters.set(emitter.target, emitter);
}

export function emitterFor<Output = unknown>(target: string): KernelEmitter<Output> {
  const emitter = emitters.get(target);
  if (!emitter)
    throw new InvalidArgumentError(
      `no kernel emitter is registered for target '${target}'; registered: ${[...emitters.keys()].join(', ') || 'none'}.`,
    );
  return emitter as KernelEmitter<Output>;
}

export const registeredEmitterTargets = (): string[] => [...emitters.keys()];
