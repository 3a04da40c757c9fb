import { KernelExecutionError } from '@alpaka-ts/interface';
import type { BoundsSite } from './bounds-sites';

/**
 * The error of a bounds-checked launch whose record (boundsRecordWords u32: count, site + 1, index, extent)
 * holds a violation, or undefined when every access was in range. Every backend reports through this, so the
 * message is the same on serial_sync, cuda_async and rocm_async.
 */
export function boundsViolation(
  kernelName: string,
  record: ArrayLike<number>,
  sites: readonly BoundsSite[],
): KernelExecutionError | undefined {
  const count = record[0] ?? 0;
  if (count === 0) return undefined;
  const site = sites[(record[1] ?? 0) - 1];
  const raw = (record[2] ?? 0) >>> 0;
  const index = site?.signedIndex ? raw | 0 : raw;
  const extent = (record[3] ?? 0) >>> 0;
  const more = count > 1 ? `; ${count - 1} more out-of-range access${count > 2 ? 'es were' : ' was'} skipped` : '';
  return new KernelExecutionError(
    `kernel '${kernelName}': ${site?.target ?? 'an array'} index ${index} is out of range (extent ${extent})${more}.`,
  );
}
