import { DuplicateInterfaceError } from './errors';

/**
 * Which copy of @alpaka-ts/interface this process loaded first. The host heap and the backend registry are
 * per copy, so a second copy (two versions installed side by side, or one bundled into an application and one
 * installed) would hand out buffers and backends the first does not recognise: it is refused where that state
 * is first used, naming both copies, rather than failing later with a buffer "on another device".
 */
const instanceKey = Symbol.for('@alpaka-ts/interface:instance');
const thisCopy = import.meta.url;
const processGlobal = globalThis as { [instanceKey]?: string };
processGlobal[instanceKey] ??= thisCopy;
const firstCopy = processGlobal[instanceKey];

/** Throws DuplicateInterfaceError when another copy of this package was loaded first. */
export function assertOnlyInterfaceCopy(): void {
  if (firstCopy !== thisCopy) throw new DuplicateInterfaceError([firstCopy, thisCopy]);
}
