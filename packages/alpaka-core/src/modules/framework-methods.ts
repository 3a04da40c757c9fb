import type { MaybePromise } from './module-abilities';

/**
 * Where a module keeps the methods the framework calls when they are not the ones its author writes: the alpaka
 * bases implement CMSSW's `produce(edm::Event&, edm::EventSetup const&) final`, which wraps the author's
 * `produce(device::Event&, device::EventSetup const&)`. In C++ these are two overloads of one name; in
 * JavaScript a subclass's `produce` would replace the base's, so the base's lives under this symbol and the
 * worker looks here first.
 */
export const frameworkMethods: unique symbol = Symbol('alpaka-core.frameworkMethods') as never;

// biome-ignore lint/suspicious/noExplicitAny: the framework calls these with the arguments of the module's kind.
type FrameworkMethod = (...args: any[]) => MaybePromise<unknown>;

/** The methods a module gives the framework in place of its own (each optional: the module's own is used otherwise). */
export interface FrameworkMethods {
  readonly produce?: FrameworkMethod;
  readonly filter?: FrameworkMethod;
  readonly analyze?: FrameworkMethod;
  readonly acquire?: FrameworkMethod;
  readonly beginStream?: FrameworkMethod;
  readonly endStream?: FrameworkMethod;
}

/** The method the framework calls for `name`: the module's framework method, else its own. */
export function frameworkMethodOf(module: object, name: string): FrameworkMethod | undefined {
  const methods = (module as { [frameworkMethods]?: FrameworkMethods })[frameworkMethods];
  const method = (methods as Record<string, unknown> | undefined)?.[name] ?? (module as Record<string, unknown>)[name];
  return typeof method === 'function' ? (method as FrameworkMethod) : undefined;
}
