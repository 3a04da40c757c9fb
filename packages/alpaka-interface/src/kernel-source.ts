import type { ElementType } from './element-types';
import type { LayoutSchema } from './soa-schema';

/**
 * What a kernel is as data: its name, its signature and its source text. This is the part of a kernel the
 * backend contract names (KernelLaunchV1.kernel), so it imports nothing of the convenience layer: no
 * buffers, devices or queues. The builders (kernel(), array(), view() …) and the typed views of a kernel's
 * parameters live in kernel.ts, above the contract.
 */

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

/** An SoA view of a layout (CMSSW's View / ConstView): columns and scalars of one collection. */
export interface ViewParameter<L extends LayoutSchema = LayoutSchema, Access extends ArrayAccess = ArrayAccess> {
  readonly kind: 'view';
  readonly layout: L;
  readonly access: Access;
}

/**
 * A device function as the compiler reads it (alpaka's ALPAKA_FN_ACC functions): name, parameters in call
 * order, return type (undefined for none) and source text. kernel.ts's DeviceFunctionDefinition adds the body.
 */
export interface DeviceFunctionSourceV1<
  S extends Signature = Signature,
  R extends ElementType | undefined = ElementType | undefined,
> {
  readonly kind: 'deviceFunction';
  readonly name: string;
  readonly signature: S;
  readonly returns: R;
  readonly source: string;
}

export type ParameterSpec = ElementType | ArrayParameter | ConstantParameter | ViewParameter | DeviceFunctionSourceV1;
export type Signature = Readonly<Record<string, ParameterSpec>>;

/** A kernel as a backend receives it: what the kernel compiler parses and caches binaries by. */
export interface KernelSourceV1<S extends Signature = Signature> {
  readonly kind: 'kernel';
  readonly name: string;
  readonly signature: S;
  /** The body's source text, what the kernel compiler parses. */
  readonly source: string;
}
