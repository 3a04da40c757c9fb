import { Device } from './device';
import { type ElementType, isElementType } from './element-types';
import { InvalidArgumentError } from './errors';
import { Queue } from './queue';
import { describeValue } from './scalar-value';

// The argument checks the memory functions share: each names the function and what it expected.

export function checkedType(elementType: ElementType, operation: string): void {
  if (!isElementType(elementType))
    throw new InvalidArgumentError(
      `${operation} needs an element type such as f32 as its type, not ${describeValue(elementType)}.`,
    );
}

export function checkedDevice(device: unknown, operation: string): asserts device is Device {
  if (!(device instanceof Device))
    throw new InvalidArgumentError(
      `${operation} needs a Device (host(), or platform.device(index) of a loaded backend), not ${describeValue(device)}.`,
    );
}

export function checkedQueue(queue: unknown, operation: string, optional = false): asserts queue is Queue {
  if (optional && queue === undefined) return;
  if (!(queue instanceof Queue))
    throw new InvalidArgumentError(`${operation} needs a Queue (device.createQueue()), not ${describeValue(queue)}.`);
}
