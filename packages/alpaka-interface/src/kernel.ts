import type { Acc } from './acc';
import type { Buffer } from './buffer';
import { type ArrayOf, type ElementType, isElementType, type TypedArray } from './element-types';
import { InvalidArgumentError } from './errors';
import { kernelBodyProblem } from './kernel-body-source';
import type {
  ArrayAccess,
  ArrayParameter,
  ConstantParameter,
  DeviceFunctionSourceV1,
  KernelSourceV1,
  ParameterSpec,
  Signature,
  ViewParameter,
} from './kernel-source';
import { layoutSchemaOf } from './layout-classes';
import type { LayoutLike, LayoutSchema } from './soa-schema';
import type { SchemaOf } from './soa-types';
import type { WorkDivision } from './work-division';

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

/**
 * A view parameter of a layout (a schema, or a class decorated with @soaLayout()); `access` defaults to
 * 'inout', and 'in' takes const views. Kernels read `v.x[i]` (columns), `v.r` (scalars), `v.flags[i * k + j]`
 * (array columns), `v.m(row, column)[i]` (matrix coefficients) and `v.size`.
 */
export function view<const L extends LayoutLike, Access extends ArrayAccess = 'inout'>(
  layout: L,
  access?: Access,
): ViewParameter<SchemaOf<L>, Access> {
  const schema = layoutSchemaOf(layout) as SchemaOf<L>;
  const chosen = (access ?? 'inout') as Access;
  if (!['in', 'out', 'inout'].includes(chosen)) {
    throw new InvalidArgumentError(`view access must be 'in', 'out' or 'inout', not '${String(access)}'.`);
  }
  return Object.freeze({ kind: 'view', layout: schema, access: chosen });
}

/**
 * What a view parameter takes at launch: `size` elements of `schema` laid out from the start of `buffer`.
 * soa-template's SoaView and portable's collection views are ones; `readOnly` views fit only 'in' parameters.
 */
export interface KernelViewArgument {
  readonly schema: LayoutSchema;
  readonly size: number;
  readonly readOnly: boolean;
  readonly buffer: Buffer;
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
    : Spec extends ViewParameter
      ? KernelViewArgument
      : Spec extends ConstantParameter<infer T>
        ? ScalarValue<T>
        : Spec extends ElementType
          ? ScalarValue<Spec>
          : never;

/** What the host passes at launch for each parameter (device functions are fixed at compile time, not passed). */
export type KernelArguments<S extends Signature> = {
  readonly [Name in keyof S as S[Name] extends DeviceFunctionSourceV1 ? never : Name]: ArgumentOf<S[Name]>;
};

type ViewField<F> = F extends { readonly kind: 'scalar' }
  ? number
  : F extends { readonly kind: 'matrixColumn'; readonly elementType: infer T extends ElementType }
    ? (row: number, column: number) => ArrayOf<T>
    : F extends { readonly elementType: infer T extends ElementType }
      ? ArrayOf<T>
      : never;

/** A view of a layout whose fields the type system does not know (a class declared with plain field types, a schema made at run time): any field name. */
export interface UntypedKernelView {
  readonly size: number;
  // biome-ignore lint/suspicious/noExplicitAny: the fields of a decorated class are known only at run time.
  [field: string]: any;
}

/**
 * What a kernel body sees for a view parameter: columns as typed arrays, scalars as numbers, matrix
 * coefficients as (row, column) → column, and the element count `size`.
 */
export type KernelView<L extends LayoutSchema> = string extends L['fields'][number]['name']
  ? UntypedKernelView
  : { readonly size: number } & { -readonly [F in L['fields'][number] as F['name']]: ViewField<F> };

/** What the kernel body receives for each parameter: numbers, typed arrays, views, and callable device functions. */
export type KernelParameters<S extends Signature> = {
  readonly [Name in keyof S]: S[Name] extends ArrayParameter<infer T, infer _Access>
    ? ArrayOf<T>
    : S[Name] extends ViewParameter<infer L, infer _Access>
      ? KernelView<L>
      : S[Name] extends DeviceFunctionSourceV1<infer _S, infer R>
        ? (...args: Array<number | TypedArray | UntypedKernelView>) => R extends ElementType ? number : void
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
> extends DeviceFunctionSourceV1<S, R> {
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

export interface KernelDefinition<S extends Signature = Signature> extends KernelSourceV1<S> {
  // Method syntax makes the parameter bivariant, so any KernelDefinition<S> is a KernelDefinition<Signature>.
  body(acc: Acc, parameters: KernelParameters<S>): void;
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
      (typeof spec === 'object' &&
        spec !== null &&
        ['array', 'constant', 'view', 'deviceFunction'].includes(spec.kind));
    if (!known) {
      throw new InvalidArgumentError(
        `kernel '${name}': parameter '${parameter}' has no type; use an element type (f32), array(f32, 'in'), view(Layout) or constant(u32).`,
      );
    }
  }
  if (typeof body !== 'function')
    throw new InvalidArgumentError(`kernel '${name}': the body must be a function (acc, parameters) => { … }.`);
  const source = body.toString();
  const problem = kernelBodyProblem(source);
  if (problem) throw new InvalidArgumentError(`kernel '${name}': the body ${problem}.`);
  return Object.freeze({ kind: 'kernel', name, signature, body, source, options });
}

/** The element type of a data parameter (a scalar, an array or a constant). */
export function elementTypeOf(spec: ParameterSpec): ElementType {
  if (isElementType(spec)) return spec;
  if (spec.kind === 'deviceFunction')
    throw new InvalidArgumentError(`'${spec.name}' is a device function, not a data parameter.`);
  if (spec.kind === 'view')
    throw new InvalidArgumentError(
      `a view of '${spec.layout.name}' has columns of several types, not one element type.`,
    );
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
      (typeof spec === 'object' && spec !== null && ['array', 'view', 'deviceFunction'].includes(spec.kind));
    if (!identifierPattern.test(parameter) || !known) {
      throw new InvalidArgumentError(
        `device function '${name}': parameter '${parameter}' needs an element type, array(type), view(Layout) or a device function.`,
      );
    }
  }
  if (typeof body !== 'function')
    throw new InvalidArgumentError(
      `device function '${name}': the body must be a function (acc, parameters) => value.`,
    );
  const source = body.toString();
  const problem = kernelBodyProblem(source);
  if (problem) throw new InvalidArgumentError(`device function '${name}': the body ${problem}.`);
  return Object.freeze({ kind: 'deviceFunction', name, signature, returns, source, body });
}
