/**
 * Every error alpaka-ts throws is an AlpakaError with a stable `code`, so callers (and the framework's
 * exit codes) can tell the categories apart without parsing messages. One class per code; the README lists them.
 */
export const alpakaErrorCodes = [
  'ALPAKA_INVALID_ARGUMENT',
  'ALPAKA_INVALID_WORK_DIVISION',
  'ALPAKA_BACKEND_NOT_INSTALLED',
  'ALPAKA_BACKEND_UNAVAILABLE',
  'ALPAKA_BACKEND_CONTRACT',
  'ALPAKA_KERNEL_COMPILE',
  'ALPAKA_KERNEL_EXECUTION',
  'ALPAKA_OUT_OF_MEMORY',
  'ALPAKA_UNSUPPORTED_TARGET',
  'ALPAKA_HOST_HEAP_UNAVAILABLE',
  'ALPAKA_DUPLICATE_INTERFACE',
  'ALPAKA_PRODUCT_MOVED',
  'ALPAKA_SOA_RANGE',
] as const;
export type AlpakaErrorCode = (typeof alpakaErrorCodes)[number];

export class AlpakaError extends Error {
  readonly code: AlpakaErrorCode;
  constructor(code: AlpakaErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A value given to an alpaka-ts function is wrong: the message says which and what to do. */
export class InvalidArgumentError extends AlpakaError {
  constructor(message: string, options?: ErrorOptions) {
    super('ALPAKA_INVALID_ARGUMENT', message, options);
  }
}

/** A work division that the accelerator or device cannot run. */
export class WorkDivisionError extends AlpakaError {
  constructor(message: string) {
    super('ALPAKA_INVALID_WORK_DIVISION', message);
  }
}

/** No package for this backend could be found from where it was looked up. */
export class BackendNotInstalledError extends AlpakaError {
  readonly packageName: string;
  constructor(packageName: string, message: string, options?: ErrorOptions) {
    super('ALPAKA_BACKEND_NOT_INSTALLED', message, options);
    this.packageName = packageName;
  }
}

/** The backend package is installed but cannot be used here (no device, missing library, failed import). */
export class BackendUnavailableError extends AlpakaError {
  readonly backendName: string;
  constructor(backendName: string, message: string, options?: ErrorOptions) {
    super('ALPAKA_BACKEND_UNAVAILABLE', message, options);
    this.backendName = backendName;
  }
}

/** A package that claims to be a backend does not implement this version of the contract. */
export class BackendContractError extends AlpakaError {
  constructor(message: string, options?: ErrorOptions) {
    super('ALPAKA_BACKEND_CONTRACT', message, options);
  }
}

/** A kernel failed while running, or a host task enqueued into a queue threw. */
export class KernelExecutionError extends AlpakaError {
  constructor(message: string, options?: ErrorOptions) {
    super('ALPAKA_KERNEL_EXECUTION', message, options);
  }
}

/** A device (or its caching allocator, after giving its cache back) cannot hold an allocation. */
export class OutOfMemoryError extends AlpakaError {
  constructor(message: string, options?: ErrorOptions) {
    super('ALPAKA_OUT_OF_MEMORY', message, options);
  }
}

/** A backend's run-time compiler cannot compile for the device's architecture (gfx942 on HIP 5.2's hiprtc). */
export class UnsupportedTargetError extends AlpakaError {
  constructor(message: string, options?: ErrorOptions) {
    super('ALPAKA_UNSUPPORTED_TARGET', message, options);
  }
}

/** The process has no host heap (its 4 GiB reservation was refused) and something needed it. */
export class HostHeapUnavailableError extends AlpakaError {
  constructor(message: string, options?: ErrorOptions) {
    super('ALPAKA_HOST_HEAP_UNAVAILABLE', message, options);
  }
}

/** Two copies of @alpaka-ts/interface are loaded in one process: two host heaps, two backend registries. */
export class DuplicateInterfaceError extends AlpakaError {
  readonly paths: readonly [string, string];
  constructor(paths: readonly [string, string]) {
    super(
      'ALPAKA_DUPLICATE_INTERFACE',
      `two copies of @alpaka-ts/interface are loaded in this process, from ${paths[0]} and from ${paths[1]}; each has its own host heap and backend registry, so buffers and backends of one are foreign to the other. Install one copy (declare @alpaka-ts/interface once, as a peer dependency of the backends; 'npm ls @alpaka-ts/interface' or 'pnpm why @alpaka-ts/interface' shows who brings the second).`,
    );
    this.paths = paths;
  }
}
