import type { Expression, FunctionIR, KernelIR } from '../ir';
import { isUnsigned, type ScalarType, type ValueType } from '../types';

/**
 * The bounds record a bounds-checked kernel writes (the backend allocates it, zeroed, per launch), as u32 words:
 * [0] how many accesses were out of range, [1] the site of the first + 1, [2] its index, [3] its extent. It is
 * the acc.check() record ([count, id of the first + 1]) with the two values a message needs.
 */
export const boundsRecordWords = 4;
export const boundsRecordBytes = boundsRecordWords * 4;

/** One array or view access in a kernel: what it reads or writes, for the message of a violation. */
export interface BoundsSite {
  /** "argument 'y'", "argument 'hits' field 'x'", "shared array 'tile'", "device function 'f' parameter 'a'". */
  readonly target: string;
  /** The index is an i32, so a recorded 0xffffffff reads as -1. */
  readonly signedIndex: boolean;
}

/** Where an access is written: the kernel's body, or a device function's. */
export interface BoundsScope {
  readonly kernel: KernelIR;
  readonly deviceFunction: FunctionIR | undefined;
}

/** What an array expression names, in words (the names of the signature, not the bundler's locals). */
export function describeArray(array: Expression, scope: BoundsScope): string {
  if (array.kind === 'viewField') {
    const view = array.view.kind === 'variable' ? describeVariable(array.view.name, scope) : 'a view';
    return `${view} field '${array.field}'`;
  }
  if (array.kind === 'variable') return describeVariable(array.name, scope);
  return 'an array';
}

function describeVariable(local: string, { kernel, deviceFunction }: BoundsScope): string {
  if (deviceFunction) {
    const parameter = deviceFunction.parameters.find((candidate) => candidate.local === local);
    if (parameter) return `device function '${deviceFunction.name}' parameter '${parameter.name}'`;
  } else {
    const parameter = kernel.parameters.find((candidate) => candidate.local === local);
    if (parameter) return `argument '${parameter.name}'`;
  }
  if (kernel.shared.some((shared) => shared.name === local)) return `shared array '${local}'`;
  return `array '${local}'`;
}

const indexIsSigned = (type: ValueType): boolean =>
  type.kind === 'scalar' && !isUnsigned(type.scalar as ScalarType) && type.scalar !== 'bool';

/** The access sites of one emitted kernel, numbered in the order the emitter meets them. */
export class BoundsSites {
  private readonly sites: BoundsSite[] = [];

  /** Numbers an access of `array` at an index of type `indexType`. */
  add(array: Expression, indexType: ValueType, scope: BoundsScope): number {
    this.sites.push({ target: describeArray(array, scope), signedIndex: indexIsSigned(indexType) });
    return this.sites.length - 1;
  }

  get list(): readonly BoundsSite[] {
    return Object.freeze([...this.sites]);
  }
}
