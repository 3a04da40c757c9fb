import type { KernelSourceV1 } from '@alpaka-ts/interface';
import { type KernelArgumentV1, kernelShapeOf } from '@alpaka-ts/interface/backend';

/** A stable text for a set of constant() values (names sorted; -0 and NaN kept apart from 0). */
export function specialisationKey(constants: Readonly<Record<string, number>>): string {
  return Object.keys(constants)
    .sort()
    .map((name) => `${name}=${Object.is(constants[name], -0) ? '-0' : String(constants[name])}`)
    .join(',');
}

/**
 * One compiled form per kernel, dimension, constant() values and bounds-checking, made by `compile` on first
 * use: the cache the CPU emitters share (a GPU backend keys its own by device and source).
 */
export function compiledOnce<Entry>(
  cache: WeakMap<KernelSourceV1, Map<string, Entry>>,
  kernel: KernelSourceV1,
  dimension: number,
  constants: Readonly<Record<string, number>> | undefined,
  boundsChecks: boolean,
  compile: () => Entry,
): Entry {
  let byKey = cache.get(kernel);
  if (!byKey) {
    byKey = new Map();
    cache.set(kernel, byKey);
  }
  // The checked variant is a key of its own ('c' after the dimension), so the unchecked key is what it was.
  const variant = boundsChecks ? `${dimension}c` : String(dimension);
  const key = constants === undefined ? variant : `${variant}:${specialisationKey(constants)}`;
  let entry = byKey.get(key);
  if (!entry) {
    entry = compile();
    byKey.set(key, entry);
  }
  return entry;
}

/**
 * The constant() values of a launch, which backends compile the kernel for (alpaka's template arguments), or
 * undefined when the kernel has no constant() parameter. The names come from the interface's sorted shape of the
 * signature (kernelShapeOf, what the launch carries as KernelLaunchV1.shape), not from a walk of our own.
 */
export function constantsOf(
  kernel: KernelSourceV1,
  args: Readonly<Record<string, KernelArgumentV1>>,
): Readonly<Record<string, number>> | undefined {
  const names = kernelShapeOf(kernel).constants;
  if (names.length === 0) return undefined;
  const constants: Record<string, number> = {};
  for (const name of names) constants[name] = args[name] as number;
  return constants;
}
