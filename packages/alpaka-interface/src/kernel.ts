import type { Acc } from './acc';
import type { Buffer } from './buffer';
import { type ArrayOf, type ElementType, isElementType } from './element-types';
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

export type ParameterSpec = ElementType | ArrayParameter | ConstantParameter;
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

type ScalarValue<T extends ElementType> = T['name'] extends 'bool' ? boolean | number : number;

/** What the host passes at launch for each parameter. */
export type KernelArguments<S extends Signature> = {
  readonly [Name in keyof S]: S[Name] extends ArrayParameter<infer T, infer _Access>
    ? Buffer<T>
    : S[Name] extends ConstantParameter<infer T>
      ? ScalarValue<T>
      : S[Name] extends ElementType
        ? ScalarValue<S[Name]>
        : never;
};

/** What the kernel body receives for each parameter: numbers and typed arrays. */
export type KernelParameters<S extends Signature> = {
  readonly [Name in keyof S]: S[Name] extends ArrayParameter<infer T, infer _Access>
    ? ArrayOf<T>
    : S[Name] extends ConstantParameter<infer _T>
      ? number
      : number;
};

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
      isElementType(spec) || (typeof spec === 'object' && spec !== null && ['array', 'constant'].includes(spec.kind));
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

export const elementTypeOf = (spec: ParameterSpec): ElementType => (isElementType(spec) ? spec : spec.elementType);
