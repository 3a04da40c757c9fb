import type { AcceleratorLimits, BackendV1 } from './backend';
import { InvalidArgumentError, WorkDivisionError } from './errors';
import { describeValue } from './scalar-value';
import { type Dimension, type ExtentLike, formatVec, getExtentProduct, toVec, type Vec } from './vector';

/**
 * An accelerator of a given dimension: the backend that runs kernels plus the work division's rank.
 * CMSSW's Acc1D / Acc2D / Acc3D. Get one with `acceleratorOf(backend, 1)` or `backend.acc1D` on a loaded backend.
 */
export interface Accelerator {
  readonly kind: 'accelerator';
  readonly backend: BackendV1;
  readonly dimension: Dimension;
  /** True for accelerators that run on the host CPU (CMSSW's CPU rule in makeWorkDiv). */
  readonly runsOnHost: boolean;
}

const acceleratorCache = new WeakMap<BackendV1, Map<Dimension, Accelerator>>();

/** Refuses anything but an accelerator (acceleratorOf(backend, n), or a loaded backend's acc1D/acc2D/acc3D). */
export function expectAccelerator(value: unknown, where: string): asserts value is Accelerator {
  const candidate = value as Partial<Accelerator> | null | undefined;
  if (candidate?.kind !== 'accelerator' || typeof candidate.backend?.launch !== 'function') {
    throw new InvalidArgumentError(
      `${where} needs an accelerator (acceleratorOf(backend, 1), or a backend package's acc1D), not ${describeValue(value)}.`,
    );
  }
}

/** Refuses anything but a work division (makeWorkDiv or workDivision). */
export function expectWorkDivision(value: unknown, where: string): asserts value is WorkDivision {
  const candidate = value as Partial<WorkDivision> | null | undefined;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    !Array.isArray(candidate.blocksPerGrid) ||
    !Array.isArray(candidate.threadsPerBlock) ||
    !Array.isArray(candidate.elementsPerThread)
  ) {
    throw new InvalidArgumentError(
      `${where} needs a work division (makeWorkDiv(acc, blocks, elements) or workDivision(…)), not ${describeValue(value)}.`,
    );
  }
  expectAccelerator(candidate.accelerator, `${where}: the work division`);
}

export function acceleratorOf(backend: BackendV1, dimension: Dimension): Accelerator {
  if (typeof backend !== 'object' || backend === null || typeof backend.launch !== 'function')
    throw new InvalidArgumentError(`acceleratorOf needs a backend (loadBackend(name)), not ${describeValue(backend)}.`);
  if (![1, 2, 3].includes(dimension))
    throw new InvalidArgumentError(`accelerator dimension must be 1, 2 or 3, not ${dimension}.`);
  let byDimension = acceleratorCache.get(backend);
  if (!byDimension) {
    byDimension = new Map();
    acceleratorCache.set(backend, byDimension);
  }
  let accelerator = byDimension.get(dimension);
  if (!accelerator) {
    accelerator = Object.freeze({ kind: 'accelerator', backend, dimension, runsOnHost: backend.runsOnHost });
    byDimension.set(dimension, accelerator);
  }
  return accelerator;
}

export interface WorkDivision {
  readonly accelerator: Accelerator;
  readonly blocksPerGrid: Vec;
  readonly threadsPerBlock: Vec;
  readonly elementsPerThread: Vec;
}

/** ceil(dividend / divisor) for non-negative integers: the number of blocks to cover `dividend` elements. */
export function divideUpBy(dividend: number, divisor: number): number {
  if (!Number.isInteger(dividend) || dividend < 0)
    throw new InvalidArgumentError(`divideUpBy: ${dividend} is not a non-negative integer.`);
  if (!Number.isInteger(divisor) || divisor <= 0)
    throw new InvalidArgumentError(`divideUpBy: the divisor ${divisor} must be a positive integer.`);
  return Math.floor((dividend + divisor - 1) / divisor);
}

function vectorOfDimension(value: ExtentLike, dimension: Dimension, what: string): Vec {
  const vector = typeof value === 'number' ? new Array<number>(dimension).fill(value) : toVec(value, what);
  const checked = toVec(vector, what);
  if (checked.length !== dimension) {
    throw new WorkDivisionError(
      `${what} ${formatVec(checked)} has ${checked.length} dimensions; the accelerator has ${dimension}.`,
    );
  }
  return checked;
}

/**
 * CMSSW's make_workdiv: `blocks` blocks, each covering `elements` elements. On a GPU that is `elements`
 * threads of one element each; on a CPU, one thread of `elements` elements. A number applies to every dimension.
 */
export function makeWorkDiv(accelerator: Accelerator, blocks: ExtentLike, elements: ExtentLike): WorkDivision {
  expectAccelerator(accelerator, 'makeWorkDiv');
  const blocksPerGrid = vectorOfDimension(blocks, accelerator.dimension, 'blocks per grid');
  const elementsPerBlock = vectorOfDimension(elements, accelerator.dimension, 'elements per block');
  const ones = Object.freeze(new Array<number>(accelerator.dimension).fill(1));
  return accelerator.runsOnHost
    ? workDivision(accelerator, blocksPerGrid, ones, elementsPerBlock)
    : workDivision(accelerator, blocksPerGrid, elementsPerBlock, ones);
}

/** A work division given in full: blocks per grid, threads per block, elements per thread. */
export function workDivision(
  accelerator: Accelerator,
  blocksPerGrid: ExtentLike,
  threadsPerBlock: ExtentLike,
  elementsPerThread: ExtentLike,
): WorkDivision {
  expectAccelerator(accelerator, 'workDivision');
  const division = Object.freeze({
    accelerator,
    blocksPerGrid: vectorOfDimension(blocksPerGrid, accelerator.dimension, 'blocks per grid'),
    threadsPerBlock: vectorOfDimension(threadsPerBlock, accelerator.dimension, 'threads per block'),
    elementsPerThread: vectorOfDimension(elementsPerThread, accelerator.dimension, 'elements per thread'),
  });
  for (const [what, vector] of [
    ['threads per block', division.threadsPerBlock],
    ['elements per thread', division.elementsPerThread],
  ] as const) {
    if (vector.some((component) => component === 0)) {
      throw new WorkDivisionError(
        `${what} ${formatVec(vector)} has a zero component; every block needs at least one thread and element.`,
      );
    }
  }
  return division;
}

/** Throws a WorkDivisionError naming the first limit the division exceeds on this accelerator and device. */
export function validateWorkDivision(division: WorkDivision, limits: AcceleratorLimits, deviceName: string): void {
  const name = `${division.accelerator.backend.name} on ${deviceName}`;
  const { dimension } = division.accelerator;
  const tail = (vector: Vec): Vec => vector.slice(vector.length - dimension);
  const checks: Array<[string, Vec, Vec]> = [
    ['blocks per grid', division.blocksPerGrid, tail(limits.maxBlocksPerGrid)],
    ['threads per block', division.threadsPerBlock, tail(limits.maxThreadsPerBlock)],
  ];
  for (const [what, vector, limit] of checks) {
    vector.forEach((component, axis) => {
      const maximum = limit[axis] ?? 1;
      if (component > maximum) {
        throw new WorkDivisionError(
          `${what} ${formatVec(vector)} exceeds the limit ${formatVec(limit)} of ${name}; use fewer ${what.split(' ')[0]} (makeWorkDiv picks the right split for the accelerator).`,
        );
      }
    });
  }
  const threads = getExtentProduct(division.threadsPerBlock);
  if (threads > limits.maxThreadsPerBlockTotal) {
    throw new WorkDivisionError(
      `${threads} threads per block exceed the limit of ${limits.maxThreadsPerBlockTotal} on ${name}.`,
    );
  }
  if (getExtentProduct(division.elementsPerThread) > limits.maxElementsPerThread) {
    throw new WorkDivisionError(
      `${getExtentProduct(division.elementsPerThread)} elements per thread exceed the limit of ${limits.maxElementsPerThread} on ${name}.`,
    );
  }
}
