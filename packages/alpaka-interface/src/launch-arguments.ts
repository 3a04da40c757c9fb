import type { ArrayArgumentV1, DeviceV1, ViewArgumentV1 } from './backend';
import { Buffer } from './buffer';
import type { ElementType } from './element-types';
import { InvalidArgumentError } from './errors';
import type { KernelViewArgument } from './kernel';
import type { ArrayParameter, ViewParameter } from './kernel-source';
import { scalarValue } from './scalar-value';
import { computeLayout } from './soa-layout';
import { type LayoutSchema, sameLayout } from './soa-schema';

// The checks of one kernel argument against its parameter, each turning a good value into its backend form.

/**
 * The device a launch runs on, as much of a Device as the checks read: its backend object and how to print it.
 * Structural, so this module does not import device.ts (which imports queue.ts, which imports this module).
 */
export interface LaunchDevice {
  readonly implementation: DeviceV1;
  readonly name: string;
  toString(): string;
}

/** "kernel 'name', argument 'x'": built only when an argument is wrong, never on a good launch. */
const where = (kernelName: string, parameter: string): string => `${kernelName}, argument '${parameter}'`;

export function scalarArgument(kernelName: string, parameter: string, type: ElementType, value: unknown): number {
  return scalarValue(type, value, where(kernelName, parameter));
}

export function arrayArgument(
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

export function viewArgument(
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
