import type { AcceleratorLimits, ArrayArgumentV1, DeviceV1, KernelLaunchV1 } from './backend';
import { Buffer } from './buffer';
import { u32 } from './element-types';
import { InvalidArgumentError, WorkDivisionError } from './errors';
import type { KernelArguments, KernelDefinition } from './kernel';
import { type KernelParameterV1, type KernelShapeV1, kernelShapeOf } from './kernel-shape';
import type { Signature } from './kernel-source';
import { type ArgumentPreparer, compilePreparer } from './launch-argument-preparer';
import type { LaunchDevice } from './launch-arguments';
import { expectWorkDivision, validateWorkDivision, type WorkDivision } from './work-division';

export type { LaunchDevice } from './launch-arguments';

type DataParameter = KernelParameterV1;

/** What a launch checks about a kernel's signature, read once per kernel (definitions are frozen). */
interface KernelShape {
  /** "kernel 'name'", for messages. */
  readonly name: string;
  /** The signature sorted once, which the launch hands the backend. */
  readonly sorted: KernelShapeV1;
  readonly parameters: readonly DataParameter[];
  readonly known: ReadonlySet<string>;
  readonly deviceFunctions: ReadonlySet<string>;
}

// One lookup per launch finds everything read once per kernel: its shape and its argument preparer.
const shapes = new WeakMap<KernelDefinition, KernelShape & { readonly prepare: ArgumentPreparer }>();

// The last kernel launched and its shape: a loop launching one kernel skips even the WeakMap lookup.
let lastKernel: KernelDefinition | undefined;
let lastShape: (KernelShape & { readonly prepare: ArgumentPreparer }) | undefined;

function shapeOf(kernel: KernelDefinition): KernelShape & { readonly prepare: ArgumentPreparer } {
  if (kernel === lastKernel && lastShape) return lastShape;
  let shape = shapes.get(kernel);
  if (!shape) {
    const sorted = kernelShapeOf(kernel);
    const { parameters } = sorted;
    const described: KernelShape = {
      name: `kernel '${kernel.name}'`,
      sorted,
      parameters,
      known: new Set(parameters.map((parameter) => parameter.name)),
      deviceFunctions: new Set(sorted.deviceFunctions.map((entry) => entry.name)),
    };
    shape = { ...described, prepare: compilePreparer(described) };
    shapes.set(kernel, shape);
  }
  lastKernel = kernel;
  lastShape = shape;
  return shape;
}

// A work division validated on a device is valid there for good (both are immutable): validate once.
const validated = new WeakMap<WorkDivision, WeakMap<DeviceV1, AcceleratorLimits>>();

// The last pair validated, checked before the WeakMaps (the usual loop launches with one of each).
let lastValidated: { workDivision: WorkDivision; device: DeviceV1; limits: AcceleratorLimits } | undefined;

function limitsFor(target: LaunchDevice, workDivision: WorkDivision, name: string): AcceleratorLimits {
  const device = target.implementation;
  if (lastValidated !== undefined && lastValidated.workDivision === workDivision && lastValidated.device === device)
    return lastValidated.limits;
  const cached = validated.get(workDivision)?.get(device);
  if (cached) {
    lastValidated = { workDivision, device, limits: cached };
    return cached;
  }
  expectWorkDivision(workDivision, `${name}: exec`);
  const { backend } = workDivision.accelerator;
  if (!backend.platform().devices().includes(device)) {
    throw new WorkDivisionError(
      `${name}: the work division is for ${backend.name}, whose devices do not include the queue's device ${target}.`,
    );
  }
  const limits = backend.limits(device);
  validateWorkDivision(workDivision, limits, target.name);
  let byDevice = validated.get(workDivision);
  if (!byDevice) {
    byDevice = new WeakMap();
    validated.set(workDivision, byDevice);
  }
  byDevice.set(device, limits);
  lastValidated = { workDivision, device, limits };
  return limits;
}

function unexpectedArguments(name: string, shape: KernelShape, args: object): void {
  for (const key in args) {
    if (shape.known.has(key)) continue;
    if (shape.deviceFunctions.has(key))
      throw new InvalidArgumentError(
        `${name}: '${key}' is a device function, fixed when the kernel is compiled; do not pass it at launch.`,
      );
    const unknown = Object.keys(args).filter((candidate) => !shape.known.has(candidate));
    throw new InvalidArgumentError(
      `${name} has no parameter ${unknown.map((candidate) => `'${candidate}'`).join(', ')}; its parameters are ${[...shape.known].join(', ')}.`,
    );
  }
}

/**
 * Validates a launch against the queue, accelerator and signature, and turns it into the backend's form.
 * What cannot change between launches (the kernel's signature, a work division's fit on a device, a buffer's
 * argument form) is checked once and remembered, so a repeated launch costs little.
 */
export function prepareLaunch<S extends Signature>(
  device: LaunchDevice,
  workDivision: WorkDivision,
  kernel: KernelDefinition<S>,
  args: KernelArguments<S>,
  checkBuffer: Buffer | undefined,
  boundsChecks = false,
): KernelLaunchV1 {
  if (kernel?.kind !== 'kernel')
    throw new InvalidArgumentError('exec needs a kernel made with kernel(name, signature, body).');
  const definition = kernel as unknown as KernelDefinition;
  const shape = shapeOf(definition);
  const { name } = shape;
  const limits = limitsFor(device, workDivision, name);
  if (typeof args !== 'object' || args === null)
    throw new InvalidArgumentError(`${name}: the arguments must be an object keyed by parameter name.`);
  // As many keys as parameters, each of which the preparer finds (or refuses as missing): nothing unexpected.
  // Only another count needs the walk over the keys that names the stranger.
  if (Object.keys(args).length !== shape.parameters.length) unexpectedArguments(name, shape, args);

  const prepared = shape.prepare(args as Record<string, unknown>, device);

  let checks: ArrayArgumentV1 | undefined;
  if (checkBuffer !== undefined) {
    if (
      !(checkBuffer instanceof Buffer) ||
      checkBuffer.elementType !== u32 ||
      checkBuffer.length < 2 ||
      checkBuffer.device !== device ||
      checkBuffer.isConst
    ) {
      throw new InvalidArgumentError(
        `${name}: the check buffer must be a writable u32 buffer of at least 2 elements on ${device}.`,
      );
    }
    checks = checkBuffer.kernelArgument;
  }

  const dynamicSharedMemoryBytes = kernel.options.dynamicSharedMemoryBytes?.(workDivision, args) ?? 0;
  if (
    dynamicSharedMemoryBytes !== 0 &&
    (!Number.isInteger(dynamicSharedMemoryBytes) ||
      dynamicSharedMemoryBytes < 0 ||
      dynamicSharedMemoryBytes > limits.maxDynamicSharedMemoryBytes)
  ) {
    throw new WorkDivisionError(
      `${name} asks for ${dynamicSharedMemoryBytes} bytes of dynamic shared memory; ${workDivision.accelerator.backend.name} allows 0 … ${limits.maxDynamicSharedMemoryBytes} on ${device.name}.`,
    );
  }
  if (typeof boundsChecks !== 'boolean')
    throw new InvalidArgumentError(`${name}: boundsChecks must be true or false, not ${String(boundsChecks)}.`);
  return {
    kernel: definition,
    shape: shape.sorted,
    workDivision,
    arguments: prepared,
    dynamicSharedMemoryBytes,
    checkBuffer: checks,
    boundsChecks,
  };
}
