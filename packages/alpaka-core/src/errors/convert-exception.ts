import { FrameworkError, isFrameworkError } from './framework-error';

/**
 * CMSSW's convertException (FWCore/Utilities/src/ConvertException.cc): whatever a module throws becomes a
 * FrameworkError the framework can add context to. A JavaScript Error plays std::exception's part (8002); a
 * RangeError from an allocation that failed plays std::bad_alloc's (8004); a thrown string is
 * BadExceptionType (8005); anything else is Unknown (8003). A FrameworkError passes through unchanged.
 */
export function convertException(thrown: unknown): FrameworkError {
  if (isFrameworkError(thrown)) return thrown;
  if (thrown instanceof Error) {
    if (isAllocationFailure(thrown)) {
      return new FrameworkError(
        'BadAlloc',
        'A std::bad_alloc exception was thrown.\nThe job has probably exhausted the virtual memory available to the process.\n',
        { cause: thrown },
      );
    }
    return new FrameworkError('StdException', `A std::exception was thrown.\n${describeError(thrown)}`, {
      cause: thrown,
    });
  }
  if (typeof thrown === 'string') {
    return new FrameworkError('BadExceptionType', `A std::string was thrown as an exception.\n${thrown}`, {
      cause: thrown,
    });
  }
  return new FrameworkError('Unknown', 'An exception of unknown type was thrown.', { cause: thrown });
}

function isAllocationFailure(error: Error): boolean {
  return (
    error instanceof RangeError &&
    /Array buffer allocation failed|Invalid array length|WebAssembly\.Memory|out of memory/i.test(error.message)
  );
}

/** A JavaScript error as what() would say it: its class name when it is not a plain Error, then its message. */
function describeError(error: Error): string {
  return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
}
