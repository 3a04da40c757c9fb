/**
 * The part of the WebAssembly JavaScript API the host heap and the CPU backends use, typed here because
 * @types/node 20 does not declare the WebAssembly global (TypeScript has it only in the DOM library).
 */
export interface WebAssemblyMemory {
  /** The whole memory; a shared memory's buffer is a SharedArrayBuffer that growth never detaches. */
  readonly buffer: SharedArrayBuffer;
  /** Adds `pages` 64 KiB pages; returns the previous size in pages; throws RangeError past the maximum. */
  grow(pages: number): number;
}

/** A compiled module (opaque). */
export interface WebAssemblyModule {
  readonly compiledModule: unique symbol;
}

export interface WebAssemblyInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}

export type WebAssemblyImports = Record<string, Record<string, unknown>>;

interface WebAssemblyApi {
  readonly Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WebAssemblyMemory;
  readonly Module: new (bytes: Uint8Array) => WebAssemblyModule;
  readonly Instance: new (module: WebAssemblyModule, imports: WebAssemblyImports) => WebAssemblyInstance;
}

/** The WebAssembly global, synchronous constructors only. */
export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** WebAssembly's page size: memories grow by whole pages. */
export const webAssemblyPageBytes = 65536;
