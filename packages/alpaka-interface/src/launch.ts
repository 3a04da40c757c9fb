import type { ArrayArgumentV1, KernelArgumentV1, KernelLaunchV1 } from './backend';
import { Buffer } from './buffer';
import { type ElementType, isElementType, isIntegerType, u32 } from './element-types';
import { InvalidArgumentError, WorkDivisionError } from './errors';
import type { ConstantParameter, KernelArguments, KernelDefinition, Signature } from './kernel';
import type { Queue } from './queue';
import { validateWorkDivision, type WorkDivision } from './work-division';

function arrayArgument(buffer: Buffer): ArrayArgumentV1 {
  return {
    kind: 'array',
    memory: buffer.memory,
    byteOffset: buffer.byteOffset,
    length: buffer.spanElements,
    elementType: buffer.elementType,
  };
}

function scalarArgument(where: string, spec: ElementType | ConstantParameter, value: unknown): number {
  const type = isElementType(spec) ? spec : spec.elementType;
  if (type.name === 'bool' && typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'number') {
    throw new InvalidArgumentError(
      `${where} is ${type.name} and needs a number, but got ${value instanceof Buffer ? 'a buffer' : typeof value}.`,
    );
  }
  if (isIntegerType(type) || type.name === 'bool') {
    if (!Number.isInteger(value) || type.convert(value) !== value) {
      throw new InvalidArgumentError(
        `${where} is ${type.name}, and ${value} is not a value of that type; convert it explicitly.`,
      );
    }
  }
  return type.convert(value);
}

/** Validates a launch against the queue, accelerator and signature, and turns it into the backend's form. */
export function prepareLaunch<S extends Signature>(
  queue: Queue,
  workDivision: WorkDivision,
  kernel: KernelDefinition<S>,
  args: KernelArguments<S>,
  checkBuffer: Buffer | undefined,
): KernelLaunchV1 {
  if (kernel?.kind !== 'kernel')
    throw new InvalidArgumentError('exec needs a kernel made with kernel(name, signature, body).');
  const name = `kernel '${kernel.name}'`;
  const { backend } = workDivision.accelerator;
  const devices = backend.platform().devices();
  if (!devices.includes(queue.device.implementation)) {
    throw new WorkDivisionError(
      `${name}: the work division is for ${backend.name}, whose devices do not include the queue's device ${queue.device}.`,
    );
  }
  validateWorkDivision(workDivision, backend.limits(queue.device.implementation), queue.device.name);

  if (typeof args !== 'object' || args === null)
    throw new InvalidArgumentError(`${name}: the arguments must be an object keyed by parameter name.`);
  const expected = Object.entries(kernel.signature)
    .filter(([, spec]) => isElementType(spec) || spec.kind !== 'deviceFunction')
    .map(([parameter]) => parameter);
  const functions = Object.entries(kernel.signature).filter(
    ([, spec]) => !isElementType(spec) && spec.kind === 'deviceFunction',
  );
  for (const [parameter] of functions) {
    if (parameter in args)
      throw new InvalidArgumentError(
        `${name}: '${parameter}' is a device function, fixed when the kernel is compiled; do not pass it at launch.`,
      );
  }
  const unknown = Object.keys(args).filter((key) => !expected.includes(key));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `${name} has no parameter ${unknown.map((key) => `'${key}'`).join(', ')}; its parameters are ${expected.join(', ')}.`,
    );
  }
  const prepared: Record<string, KernelArgumentV1> = {};
  for (const [parameter, spec] of Object.entries(kernel.signature)) {
    if (!isElementType(spec) && spec.kind === 'deviceFunction') continue;
    const where = `${name}, argument '${parameter}'`;
    if (!(parameter in args)) throw new InvalidArgumentError(`${name}: argument '${parameter}' is missing.`);
    const value = (args as Record<string, unknown>)[parameter];
    if (isElementType(spec) || spec.kind === 'constant') {
      prepared[parameter] = scalarArgument(where, spec, value);
      continue;
    }
    if (!(value instanceof Buffer))
      throw new InvalidArgumentError(`${where} must be a Buffer of ${spec.elementType.name}.`);
    if (value.elementType !== spec.elementType) {
      throw new InvalidArgumentError(
        `${where} must hold ${spec.elementType.name}, but the buffer holds ${value.elementType.name}.`,
      );
    }
    if (value.device !== queue.device) {
      throw new InvalidArgumentError(
        `${where} lives on ${value.device}, but the kernel runs on ${queue.device}; memcpy it to that device first.`,
      );
    }
    if (value.isConst && spec.access !== 'in') {
      throw new InvalidArgumentError(
        `${where} is a const buffer, but the parameter is '${spec.access}'; declare it array(${spec.elementType.name}, 'in') or pass a writable buffer.`,
      );
    }
    prepared[parameter] = arrayArgument(value);
  }

  let checks: ArrayArgumentV1 | undefined;
  if (checkBuffer !== undefined) {
    if (
      !(checkBuffer instanceof Buffer) ||
      checkBuffer.elementType !== u32 ||
      checkBuffer.length < 2 ||
      checkBuffer.device !== queue.device ||
      checkBuffer.isConst
    ) {
      throw new InvalidArgumentError(
        `${name}: the check buffer must be a writable u32 buffer of at least 2 elements on ${queue.device}.`,
      );
    }
    checks = arrayArgument(checkBuffer);
  }

  const dynamicSharedMemoryBytes = kernel.options.dynamicSharedMemoryBytes?.(workDivision, args) ?? 0;
  const limit = backend.limits(queue.device.implementation).maxDynamicSharedMemoryBytes;
  if (!Number.isInteger(dynamicSharedMemoryBytes) || dynamicSharedMemoryBytes < 0 || dynamicSharedMemoryBytes > limit) {
    throw new WorkDivisionError(
      `${name} asks for ${dynamicSharedMemoryBytes} bytes of dynamic shared memory; ${backend.name} allows 0 … ${limit} on ${queue.device.name}.`,
    );
  }
  // A generic S cannot be proven assignable to the contract's signature-independent KernelDefinition; any concrete one is.
  return {
    kernel: kernel as unknown as KernelDefinition,
    workDivision,
    arguments: prepared,
    dynamicSharedMemoryBytes,
    checkBuffer: checks,
  };
}
