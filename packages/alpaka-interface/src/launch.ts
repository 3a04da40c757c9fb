import type {
  AcceleratorLimits,
  ArrayArgumentV1,
  DeviceV1,
  KernelArgumentV1,
  KernelLaunchV1,
  ViewArgumentV1,
} from './backend';
import { Buffer } from './buffer';
import { type ElementType, isIntegerType, u32 } from './element-types';
import { InvalidArgumentError, WorkDivisionError } from './errors';
import type { KernelArguments, KernelDefinition, KernelViewArgument } from './kernel';
import { type KernelParameterV1, type KernelShapeV1, kernelShapeOf } from './kernel-shape';
import type { ArrayParameter, Signature, ViewParameter } from './kernel-source';
import { scalarValue } from './scalar-value';
import { computeLayout } from './soa-layout';
import { type LayoutSchema, sameLayout } from './soa-schema';
import { expectWorkDivision, validateWorkDivision, type WorkDivision } from './work-division';

/**
 * The device a launch runs on, as much of a Device as the checks read: its backend object and how to print it.
 * Structural, so this module does not import device.ts (which imports queue.ts, which imports this module).
 */
export interface LaunchDevice {
  readonly implementation: DeviceV1;
  readonly name: string;
  toString(): string;
}

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

/** "kernel 'name', argument 'x'": built only when an argument is wrong, never on a good launch. */
const where = (kernelName: string, parameter: string): string => `${kernelName}, argument '${parameter}'`;

function scalarArgument(kernelName: string, parameter: string, type: ElementType, value: unknown): number {
  return scalarValue(type, value, where(kernelName, parameter));
}

function arrayArgument(
  kernelName: string,
  parameter: string,
  spec: ArrayParameter,
  value: unknown,
  device: LaunchDevice,
): ArrayArgumentV1 {
  if (!(value instanceof Buffer))
    throw new InvalidArgumentError(`${where(kernelName, parameter)} must be a Buffer of ${spec.elementType.name}.`);
  if (value.elementType !== spec.elementType) {
    throw new InvalidArgumentError(
      `${where(kernelName, parameter)} must hold ${spec.elementType.name}, but the buffer holds ${value.elementType.name}.`,
    );
  }
  if (value.device !== device) {
    throw new InvalidArgumentError(
      `${where(kernelName, parameter)} lives on ${value.device}, but the kernel runs on ${device}; memcpy it to that device first.`,
    );
  }
  if (value.isConst && spec.access !== 'in') {
    throw new InvalidArgumentError(
      `${where(kernelName, parameter)} is a const buffer, but the parameter is '${spec.access}'; declare it array(${spec.elementType.name}, 'in') or pass a writable buffer.`,
    );
  }
  return value.kernelArgument;
}

// A view argument's backend form, per device and layout: views do not change once made, so each is checked
// once. What the checks depended on (the parameter's layout, the view's constness) is kept and compared.
interface PreparedView {
  readonly device: unknown;
  readonly layout: LayoutSchema;
  readonly constant: boolean;
  readonly argument: ViewArgumentV1;
}
const preparedViews = new WeakMap<object, PreparedView>();

function viewArgument(
  kernelName: string,
  parameter: string,
  spec: ViewParameter,
  value: unknown,
  device: LaunchDevice,
): ViewArgumentV1 {
  const candidate = value as Partial<KernelViewArgument> | undefined;
  const cached = typeof value === 'object' && value !== null ? preparedViews.get(value) : undefined;
  if (cached?.device === device && cached.layout === spec.layout && (!cached.constant || spec.access === 'in'))
    return cached.argument;
  const wanted = `a view of '${spec.layout.name}'`;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    candidate.schema?.kind !== 'soaLayout' ||
    !(candidate.buffer instanceof Buffer)
  ) {
    throw new InvalidArgumentError(
      `${where(kernelName, parameter)} must be ${wanted}: a collection's view() or constView(), or an SoaView.`,
    );
  }
  if (!sameLayout(candidate.schema, spec.layout)) {
    throw new InvalidArgumentError(
      `${where(kernelName, parameter)} must be ${wanted}, but the view is of '${candidate.schema.name}', whose fields differ.`,
    );
  }
  const buffer = candidate.buffer;
  if (buffer.device !== device) {
    throw new InvalidArgumentError(
      `${where(kernelName, parameter)} lives on ${buffer.device}, but the kernel runs on ${device}; copy the collection to that device first.`,
    );
  }
  const constant = candidate.readOnly === true || buffer.isConst;
  if (constant && spec.access !== 'in') {
    throw new InvalidArgumentError(
      `${where(kernelName, parameter)} is a const view, but the parameter is '${spec.access}'; declare it view(${spec.layout.name}, 'in') or pass view().`,
    );
  }
  const layout = computeLayout(spec.layout, candidate.size ?? Number.NaN);
  const byteLength = buffer.spanBytes;
  if (buffer.dimension !== 1 || layout.byteSize > byteLength) {
    throw new InvalidArgumentError(
      `${where(kernelName, parameter)}: ${layout.size} elements of '${spec.layout.name}' need ${layout.byteSize} contiguous bytes, and the view's buffer has ${buffer.dimension === 1 ? byteLength : `${buffer.dimension} dimensions`}.`,
    );
  }
  const array = buffer.kernelArgument;
  const argument: ViewArgumentV1 = Object.freeze({
    kind: 'view',
    memory: array.memory,
    byteOffset: array.byteOffset,
    layout,
  });
  preparedViews.set(candidate, { device: device, layout: spec.layout, constant, argument });
  return argument;
}

/** Turns a launch's arguments into their backend forms, in the signature's order. */
type ArgumentPreparer = (values: Record<string, unknown>, device: LaunchDevice) => Record<string, KernelArgumentV1>;

function missingArgument(kernelName: string, values: Record<string, unknown>, parameter: string): void {
  if (!(parameter in values)) throw new InvalidArgumentError(`${kernelName}: argument '${parameter}' is missing.`);
}

function prepareOne(
  kernelName: string,
  parameter: DataParameter,
  value: unknown,
  device: LaunchDevice,
): KernelArgumentV1 {
  return parameter.kind === 'scalar'
    ? scalarArgument(kernelName, parameter.name, parameter.elementType, value)
    : parameter.kind === 'array'
      ? arrayArgument(kernelName, parameter.name, parameter.spec, value, device)
      : viewArgument(kernelName, parameter.name, parameter.spec, value, device);
}

// Parameter names the generated preparer may write as plain property names (anything else takes the loop).
const plainPropertyName = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A kernel's argument preparer, built once per kernel. For the usual signature it is generated code reading
 * each argument by name and returning one object literal: every launch of a kernel then makes objects of one
 * shape, which V8 reads and writes through monomorphic property accesses (a loop over parameter names makes
 * each access a megamorphic lookup, a measurable part of a GPU launch). It calls the same checks as the loop.
 */
function compilePreparer(shape: KernelShape): ArgumentPreparer {
  const kernelName = shape.name;
  let preparer: ArgumentPreparer;
  const { parameters } = shape;
  if (parameters.every((parameter) => plainPropertyName.test(parameter.name) && parameter.name !== '__proto__')) {
    // Each argument takes an inline fast path when it is plainly right (a number of the scalar's type, a
    // writable-enough buffer of the element type on the queue's device), else the full check, which explains
    // what is wrong (or converts a boolean).
    // Integer and bool scalars are taken as they are when their type holds them; floats are converted.
    const exact = (parameter: DataParameter) =>
      parameter.kind === 'scalar' && (isIntegerType(parameter.elementType) || parameter.elementType.name === 'bool');
    const reads = parameters.map((parameter, index) => {
      const value = `v${index}`;
      return `const ${value} = values.${parameter.name}; if (${value} === undefined) missing(kernelName, values, ${JSON.stringify(parameter.name)});`;
    });
    const conversions = parameters.map((parameter, index) => {
      const value = `v${index}`;
      const quoted = JSON.stringify(parameter.name);
      if (parameter.kind === 'scalar') {
        const convert = `parameters[${index}].elementType.convert`;
        const fast = exact(parameter)
          ? `typeof ${value} === 'number' && ${convert}(${value}) === ${value} ? ${value}`
          : `typeof ${value} === 'number' ? ${convert}(${value})`;
        return `const a${index} = ${fast} : scalar(kernelName, ${quoted}, parameters[${index}].elementType, ${value});`;
      }
      if (parameter.kind === 'array') {
        const writable = parameter.spec.access === 'in' ? '' : ` && !${value}.isConst`;
        return `const a${index} = ${value} instanceof Buffer && ${value}.elementType === parameters[${index}].spec.elementType && ${value}.device === device${writable} ? ${value}.kernelArgument : array(kernelName, ${quoted}, parameters[${index}].spec, ${value}, device);`;
      }
      return `const a${index} = view(kernelName, ${quoted}, parameters[${index}].spec, ${value}, device);`;
    });
    const fields = parameters.map((parameter, index) => `${parameter.name}: a${index}`);
    // The last launch's values and result: the same values (by identity; a float zero never matches, as 0
    // and -0 are equal but differ in bits) on the same device give the same arguments, so they are reused.
    // Buffers and views never change once made, so this skips no check that could now fail.
    const same = parameters.map((parameter, index) =>
      parameter.kind === 'scalar' && !exact(parameter)
        ? `v${index} === last${index} && v${index} !== 0`
        : `v${index} === last${index}`,
    );
    const remember = parameters.map((_parameter, index) => `last${index} = v${index};`);
    const declared = parameters.map((_parameter, index) => `let last${index};`);
    const source = `"use strict"; let lastDevice, lastPrepared; ${declared.join(' ')}
return function prepareArguments(values, device) {
${reads.join('\n')}
if (device === lastDevice${same.map((test) => ` && ${test}`).join('')}) return lastPrepared;
${conversions.join('\n')}
const prepared = { ${fields.join(', ')} };
lastDevice = device; lastPrepared = prepared; ${remember.join(' ')}
return prepared;
};`;
    preparer = new Function('kernelName', 'parameters', 'Buffer', 'missing', 'scalar', 'array', 'view', source)(
      kernelName,
      parameters,
      Buffer,
      missingArgument,
      scalarArgument,
      arrayArgument,
      viewArgument,
    ) as ArgumentPreparer;
  } else {
    preparer = (values, device) => {
      const prepared: Record<string, KernelArgumentV1> = {};
      for (const parameter of parameters) {
        const value = values[parameter.name];
        if (value === undefined) missingArgument(kernelName, values, parameter.name);
        prepared[parameter.name] = prepareOne(kernelName, parameter, value, device);
      }
      return prepared;
    };
  }
  return preparer;
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
