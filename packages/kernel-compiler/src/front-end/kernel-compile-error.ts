import { AlpakaError } from '@alpaka-ts/interface';
import type { SourcePosition } from '../ir';

/**
 * A kernel the compiler rejects. The message names the kernel and gives the line and column within the
 * kernel's source text (the function passed to kernel(); line 1 is the line of its parameter list).
 */
export class KernelCompileError extends AlpakaError {
  readonly kernelName: string;
  readonly position: SourcePosition;
  readonly reason: string;

  constructor(kernelName: string, position: SourcePosition, reason: string) {
    super(
      'ALPAKA_KERNEL_COMPILE',
      `kernel '${kernelName}', line ${position.line}, column ${position.column + 1}: ${reason}`,
    );
    this.kernelName = kernelName;
    this.position = position;
    this.reason = reason;
  }
}
