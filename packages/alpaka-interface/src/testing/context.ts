import type { BackendV1 } from '../backend';
import type { Buffer } from '../buffer';
import { allocBuf } from '../buffer-allocation';
import { Device, host } from '../device';
import { type ArrayOf, type ElementType, u32 } from '../element-types';
import type { KernelArguments, KernelDefinition } from '../kernel';
import type { Signature } from '../kernel-source';
import { memcpy } from '../memory';
import type { Queue } from '../queue';
import type { Dimension, ExtentLike } from '../vector';
import { type Accelerator, acceleratorOf, makeWorkDiv, type WorkDivision } from '../work-division';
import { ConformanceFailure } from './assertions';

/** What a conformance case gets: the backend under test, one of its devices, and helpers for moving data. */
export class ConformanceContext {
  readonly device: Device;

  constructor(
    readonly backend: BackendV1,
    device?: Device,
  ) {
    const first = backend.platform().devices()[0];
    if (!device && !first) throw new ConformanceFailure(`backend ${backend.name} has no device to test`);
    this.device = device ?? Device.of(first as NonNullable<typeof first>);
  }

  accelerator(dimension: Dimension): Accelerator {
    return acceleratorOf(this.backend, dimension);
  }

  /** CMSSW's rule: blocks × elements, split into threads on GPUs and into elements per thread on CPUs. */
  workDiv(dimension: Dimension, blocks: ExtentLike, elements: ExtentLike): WorkDivision {
    return makeWorkDiv(this.accelerator(dimension), blocks, elements);
  }

  /** The device's default queue kind (blocking on the host, non-blocking on GPUs) unless asked otherwise. */
  queue(options: { blocking?: boolean } = {}): Queue {
    return this.device.createQueue(options);
  }

  /** A device buffer holding the given values, copied from the host. */
  async deviceBufferOf<T extends ElementType>(queue: Queue, type: T, values: ArrayLike<number>): Promise<Buffer<T>> {
    const staging = allocBuf(host(), type, values.length);
    (staging.hostArray() as ArrayOf<T>).set(values as ArrayLike<number> & ArrayOf<T>);
    const buffer = allocBuf(this.device, type, values.length);
    memcpy(queue, buffer, staging);
    await queue.wait();
    return buffer;
  }

  /** A device buffer of `length` elements, every one set to `value`. */
  async deviceBufferFilled<T extends ElementType>(
    queue: Queue,
    type: T,
    length: number,
    value: number,
  ): Promise<Buffer<T>> {
    return this.deviceBufferOf(queue, type, new Array<number>(length).fill(value));
  }

  /** Copies a device buffer to the host, waits, and returns its elements. */
  async read<T extends ElementType>(queue: Queue, buffer: Buffer<T>): Promise<ArrayOf<T>> {
    const staging = allocBuf(host(), buffer.elementType, buffer.extents);
    memcpy(queue, staging, buffer);
    await queue.wait();
    return staging.hostArray();
  }

  /** Runs a kernel with a check buffer and fails with the id of the first acc.check that did not hold. */
  async execChecked<S extends Signature>(
    queue: Queue,
    division: WorkDivision,
    kernel: KernelDefinition<S>,
    args: KernelArguments<S>,
  ): Promise<void> {
    const checks = await this.deviceBufferFilled(queue, u32, 2, 0);
    await queue.exec(division, kernel, args, { checkBuffer: checks });
    const [failures = 0, firstId = 0] = await this.read(queue, checks);
    if (failures !== 0)
      throw new ConformanceFailure(
        `kernel '${kernel.name}': ${failures} in-kernel check(s) failed, the first with id ${firstId - 1}`,
      );
  }
}

/** A host task that holds a queue until released (alpaka's EventHostManualTrigger), for deterministic ordering tests. */
export function holdQueue(queue: Queue): { release(): void } {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  queue.enqueue(() => held);
  return { release: () => release() };
}

/** Lets pending promise callbacks and host callbacks run, without waiting for anything in particular. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));
