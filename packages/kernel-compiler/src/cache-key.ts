import { createHash } from 'node:crypto';

export interface CacheKeyParts {
  /** The emitted source (not the TypeScript), so equal code shares a binary whatever produced it. */
  readonly source: string;
  readonly target: string;
  /** Compiler options, architecture, compiler and driver versions: anything that changes the binary. */
  readonly options?: Readonly<Record<string, string | number | boolean>>;
}

/** A stable hex key for a compiled kernel binary: sha256 over the parts, options in sorted order. */
export function kernelCacheKey(parts: CacheKeyParts): string {
  const options = Object.entries(parts.options ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([parts.target, options, parts.source]))
    .digest('hex');
}
