import { InvalidArgumentError } from '@alpaka-ts/interface';
import type { EmitOptions } from './emit-options';
import { cudaEmitter, hipEmitter } from './emitters/cpp-emitter';
import { javaScriptEmitter } from './emitters/javascript-emitter';
import { webAssemblyEmitter } from './emitters/webassembly/webassembly-emitter';
import type { KernelIR } from './ir';

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

// The built-in emitters are there from the start; backends add theirs with registerEmitter.
const emitters = new Map<string, KernelEmitter>(
  [javaScriptEmitter, webAssemblyEmitter, cudaEmitter, hipEmitter].map((emitter) => [emitter.target, emitter]),
);

export function registerEmitter(emitter: KernelEmitter): void {
  if (
    typeof emitter?.target !== 'string' ||
    typeof emitter.emit !== 'function' ||
    typeof emitter.version !== 'string'
  ) {
    throw new InvalidArgumentError('registerEmitter needs { target, version, emit(ir, options) }.');
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
