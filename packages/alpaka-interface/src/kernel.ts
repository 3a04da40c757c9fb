import type { Acc } from './acc';
import type { Buffer } from './buffer';
import { type ArrayOf, type ElementType, isElementType, type TypedArray } from './element-types';
import { InvalidArgumentError } from './errors';
import type { WorkDivision } from './work-division';

/** How a kernel uses an array argument: `'in'` arrays are read-only (a const buffer may be passed). */
export type ArrayAccess = 'in' | 'out' | 'inout';

export interface ArrayParameter<T extends ElementType = ElementType, Access extends ArrayAccess = ArrayAccess> {
  readonly kind: 'array';
  readonly elementType: T;
  readonly access: Access;
}

/** A scalar whose value is fixed when the kernel is specialised (a template argument in alpaka). */
export interface ConstantParameter<T extends ElementType = ElementType> {
  readonly kind: 'constant';
  readonly elementType: T;
}

export type ParameterSpec = ElementType | ArrayParameter | ConstantParameter | DeviceFunctionDefinition;
export type Signature = Readonly<Record<string, ParameterSpec>>;

/** An array argument of element type T; `access` defaults to 'inout'. */
export function array<T extends ElementType, Access extends ArrayAccess = 'inout'>(
  elementType: T,
  access?: Access,
): ArrayParameter<T, Access> {
  if (!isElementType(elementType))
    throw new InvalidArgumentError('array(type, access) needs an element type such as f32.');
  const chosen = (access ?? 'inout') as Access;
  if (!['in', 'out', 'inout'].includes(chosen)) {
    throw new InvalidArgumentError(`array access must be 'in', 'out' or 'inout', not '${String(access)}'.`);
  }
  return Object.freeze({ kind: 'array', elementType, access: chosen });
}

export function constant<T extends ElementType>(elementType: T): ConstantParameter<T> {
  if (!isElementType(elementType)) throw new InvalidArgumentError('constant(type) needs an element type such as u32.');
  return Object.freeze({ kind: 'constant', elementType });
}

// 'bool' extends the name (not the reverse), so the generic ElementType<string> admits booleans too.
type ScalarValue<T extends ElementType> = 'bool' extends T['name'] ? boolean | number : number;

// Distributive over a union of specs, so KernelArguments<Signature> stays a permissive base type.
type ArgumentOf<Spec> =
  Spec extends ArrayParameter<infer T, infer _Access>
    ? Buffer<T>
    : Spec extends ConstantParameter<infer T>
      ? ScalarValue<T>
      : Spec extends ElementType
        ? ScalarValue<Spec>
        : never;

/** What the host passes at launch for each parameter (device functions are fixed at compile time, not passed). */
export type KernelArguments<S extends Signature> = {
  readonly [Name in keyof S as S[Name] extends DeviceFunctionDefinition ? never : Name]: ArgumentOf<S[Name]>;
};

/** What the kernel body receives for each parameter: numbers, typed arrays, and callable device functions. */
export type KernelParameters<S extends Signature> = {
  readonly [Name in keyof S]: S[Name] extends ArrayParameter<infer T, infer _Access>
    ? ArrayOf<T>
    : S[Name] extends DeviceFunctionDefinition<infer _S, infer R>
      ? (...args: Array<number | TypedArray>) => R extends ElementType ? number : void
      : number;
};

/**
 * A helper function for kernels (alpaka's ALPAKA_FN_ACC functions), declared like a kernel: a name, a
 * signature of its parameters in call order, its return type (undefined for none) and a body
 * `(acc, { …parameters }) => value`. A kernel lists it in its own signature and calls it by that name.
 */
export interface DeviceFunctionDefinition<
  S extends Signature = Signature,
  R extends ElementType | undefined = ElementType | undefined,
> {
  readonly kind: 'deviceFunction';
  readonly name: string;
  readonly signature: S;
  readonly returns: R;
  readonly source: string;
  body(acc: Acc, parameters: KernelParameters<S>): R extends ElementType ? number : void;
}

export type KernelBody<S extends Signature> = (acc: Acc, parameters: KernelParameters<S>) => void;

export interface KernelOptions<S extends Signature> {
  /**
   * Bytes of dynamic block shared memory a launch needs, from its work division and arguments
   * (alpaka's BlockSharedMemDynSizeBytes trait). The kernel reaches it with `acc.dynamicSharedArray(type)`.
   */
  dynamicSharedMemoryBytes?(workDivision: WorkDivision, args: KernelArguments<S>): number;
}

export interface KernelDefinition<S extends Signature = Signature> {
  readonly kind: 'kernel';
  readonly name: string;
  readonly signature: S;
  // Method syntax makes the parameter bivariant, so any KernelDefinition<S> is a KernelDefinition<Signature>.
  body(acc: Acc, parameters: KernelParameters<S>): void;
  /** The body's source text, what the kernel compiler parses. */
  readonly source: string;
  readonly options: KernelOptions<S>;
}

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Declares a kernel: its name, the signature the compiler needs (TypeScript types are gone at run
 * time), and its body. Signature first, so the parameter types flow into the body.
 */
export function kernel<const S extends Signature>(
  name: string,
  signature: S,
  body: KernelBody<S>,
  options: KernelOptions<S> = {},
): KernelDefinition<S> {
  if (!identifierPattern.test(name)) {
    throw new InvalidArgumentError(`kernel name '${name}' must be an identifier (it names the C++ entry point).`);
  }
  if (typeof signature !== 'object' || signature === null) {
    throw new InvalidArgumentError(`kernel '${name}': the signature must be an object of parameter types.`);
  }
  for (const [parameter, spec] of Object.entries(signature)) {
    if (!identifierPattern.test(parameter)) {
      throw new InvalidArgumentError(`kernel '${name}': parameter name '${parameter}' is not an identifier.`);
    }
    const known =
      isElementType(spec) ||
      (typeof spec === 'object' && spec !== null && ['array', 'constant', 'deviceFunction'].includes(spec.kind));
    if (!known) {
      throw new InvalidArgumentError(
        `kernel '${name}': parameter '${parameter}' has no type; use an element type (f32), array(f32, 'in') or constant(u32).`,
      );
    }
  }
  if (typeof body !== 'function')
    throw new InvalidArgumentError(`kernel '${name}': the body must be a function (acc, parameters) => { … }.`);
  return Object.freeze({ kind: 'kernel', name, signature, body, source: body.toString(), options });
}

/** The element type of a data parameter (a scalar, an array or a constant). */
export function elementTypeOf(spec: ParameterSpec): ElementType {
  if (isElementType(spec)) return spec;
  if (spec.kind === 'deviceFunction')
    throw new InvalidArgumentError(`'${spec.name}' is a device function, not a data parameter.`);
  return spec.elementType;
}

/** Declares a device function; see DeviceFunctionDefinition. */
export function deviceFunction<const S extends Signature, R extends ElementType | undefined>(
  name: string,
  signature: S,
  returns: R,
  body: (acc: Acc, parameters: KernelParameters<S>) => R extends ElementType ? number : void,
): DeviceFunctionDefinition<S, R> {
  if (!identifierPattern.test(name))
    throw new InvalidArgumentError(`device function name '${name}' must be an identifier.`);
  if (returns !== undefined && !isElementType(returns)) {
    throw new InvalidArgumentError(
      `device function '${name}': the return type must be an element type such as f32, or undefined for none.`,
    );
  }
  for (const [parameter, spec] of Object.entries(signature)) {
    const known =
      isElementType(spec) ||
      (typeof spec === 'object' && spec !== null && ['array', 'deviceFunction'].includes(spec.kind));
    if (!identifierPattern.test(parameter) || !known) {
      throw new InvalidArgumentError(
        `device function '${name}': parameter '${parameter}' needs an element type, array(type) or a device function.`,
      );
    }
  }
  if (typeof body !== 'function')
    throw new InvalidArgumentError(
      `device function '${name}': the body must be a function (acc, parameters) => value.`,
    );
  return Object.freeze({ kind: 'deviceFunction', name, signature, returns, source: body.toString(), body });
}
