/**
 * Every error alpaka-ts throws is an AlpakaError with a stable `code`, so callers (and the framework's
 * exit codes) can tell the categories apart without parsing messages.
 */
export class AlpakaError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
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
  constructor(message: string) {
    super('ALPAKA_BACKEND_CONTRACT', message);
  }
}

/** A kernel failed while running, or a host task enqueued into a queue threw. */
export class KernelExecutionError extends AlpakaError {
  constructor(message: string, options?: ErrorOptions) {
    super('ALPAKA_KERNEL_EXECUTION', message, options);
  }
}
