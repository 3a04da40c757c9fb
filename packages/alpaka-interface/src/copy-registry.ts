import { InvalidArgumentError } from './errors';
import { Queue } from './queue';
import { describeValue } from './scalar-value';

/**
 * How to copy a device product to the host (CMSSW's CopyToHost<T>): copyAsync enqueues the copy and
 * returns the host product; postCopy, when present, runs once the queue has finished, on device backends only.
 */
export interface CopyToHost<DeviceProduct, HostProduct> {
  copyAsync(queue: Queue, source: DeviceProduct): HostProduct;
  postCopy?(product: HostProduct): void;
  /** The class of the host products it makes (CMSSW's CopyToHost<T>::HostType), when it has one. */
  readonly hostType?: abstract new (
    ...args: never[]
  ) => HostProduct;
}

/** How to copy a host product to a device (CMSSW's CopyToDevice<T>). */
export interface CopyToDevice<HostProduct, DeviceProduct> {
  copyAsync(queue: Queue, source: HostProduct): DeviceProduct;
  /**
   * The class of the device products it makes (CMSSW's CopyToDevice<T>::DeviceType), when it has one: the
   * framework names the device form of a host product by it.
   */
  readonly deviceType?: abstract new (
    ...args: never[]
  ) => DeviceProduct;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry keyed by arbitrary product classes
type AnyClass = abstract new (...args: any[]) => unknown;

const toHost = new Map<AnyClass, CopyToHost<unknown, unknown>>();
const toDevice = new Map<AnyClass, CopyToDevice<unknown, unknown>>();

function register<Copy>(registry: Map<AnyClass, Copy>, productClass: AnyClass, copy: Copy, what: string): void {
  if (typeof productClass !== 'function')
    throw new InvalidArgumentError(`${what}: register a class (constructor), not ${typeof productClass}.`);
  const existing = registry.get(productClass);
  if (existing && existing !== copy)
    throw new InvalidArgumentError(`${what}: ${productClass.name} already has a different copy registered.`);
  registry.set(productClass, copy);
}

/** Finds the copy registered for the product's class or its nearest registered base class. */
function find<Copy>(registry: Map<AnyClass, Copy>, product: object): Copy | undefined {
  for (let prototype = Object.getPrototypeOf(product); prototype; prototype = Object.getPrototypeOf(prototype)) {
    const copy = registry.get(prototype.constructor);
    if (copy) return copy;
  }
  return undefined;
}

export function registerCopyToHost<DeviceProduct, HostProduct>(
  productClass: abstract new (...args: never[]) => DeviceProduct,
  copy: CopyToHost<DeviceProduct, HostProduct>,
): void {
  register(toHost, productClass as AnyClass, copy as CopyToHost<unknown, unknown>, 'registerCopyToHost');
}

export function registerCopyToDevice<HostProduct, DeviceProduct>(
  productClass: abstract new (...args: never[]) => HostProduct,
  copy: CopyToDevice<HostProduct, DeviceProduct>,
): void {
  register(toDevice, productClass as AnyClass, copy as CopyToDevice<unknown, unknown>, 'registerCopyToDevice');
}

/** Finds the copy registered for a class or its nearest registered base class. */
function findForClass<Copy>(registry: Map<AnyClass, Copy>, productClass: unknown): Copy | undefined {
  for (let current = productClass; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    const copy = registry.get(current as AnyClass);
    if (copy) return copy;
  }
  return undefined;
}

/** The CopyToHost of a class (or of its nearest registered base), without an instance at hand. */
export const findCopyToHostForClass = (productClass: unknown): CopyToHost<unknown, unknown> | undefined =>
  findForClass(toHost, productClass);
/** The CopyToDevice of a class (or of its nearest registered base), without an instance at hand. */
export const findCopyToDeviceForClass = (productClass: unknown): CopyToDevice<unknown, unknown> | undefined =>
  findForClass(toDevice, productClass);

export const findCopyToHost = (product: object): CopyToHost<unknown, unknown> | undefined => find(toHost, product);
export const findCopyToDevice = (product: object): CopyToDevice<unknown, unknown> | undefined =>
  find(toDevice, product);

/**
 * Copies a device product to the host with its registered CopyToHost and, on device backends, runs
 * postCopy after the queue has finished. On a host queue nothing is copied: the product is already on the host.
 */
function expectCopyArguments(operation: string, queue: unknown, product: unknown): void {
  if (!(queue instanceof Queue))
    throw new InvalidArgumentError(`${operation} needs a Queue, not ${describeValue(queue)}.`);
  if (typeof product !== 'object' || product === null)
    throw new InvalidArgumentError(`${operation} needs a product object to copy, not ${describeValue(product)}.`);
}

export async function copyToHost<HostProduct>(queue: Queue, product: object): Promise<HostProduct> {
  expectCopyArguments('copyToHost', queue, product);
  if (queue.device.isHost) return product as HostProduct;
  const copy = findCopyToHost(product);
  if (!copy)
    throw new InvalidArgumentError(
      `no CopyToHost is registered for ${product.constructor.name}; register one with registerCopyToHost.`,
    );
  const hostProduct = copy.copyAsync(queue, product);
  if (copy.postCopy) {
    await queue.wait();
    copy.postCopy(hostProduct);
  }
  return hostProduct as HostProduct;
}

/** Copies a host product to the queue's device with its registered CopyToDevice; on a host queue, returns it as it is. */
export function copyToDevice<DeviceProduct>(queue: Queue, product: object): DeviceProduct {
  expectCopyArguments('copyToDevice', queue, product);
  if (queue.device.isHost) return product as DeviceProduct;
  const copy = findCopyToDevice(product);
  if (!copy)
    throw new InvalidArgumentError(
      `no CopyToDevice is registered for ${product.constructor.name}; register one with registerCopyToDevice.`,
    );
  return copy.copyAsync(queue, product) as DeviceProduct;
}
