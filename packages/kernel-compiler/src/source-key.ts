import { createHash, randomUUID } from 'node:crypto';
import { type DeviceFunctionSourceV1, isElementType, type KernelSourceV1 } from '@alpaka-ts/interface';
import { type KernelParameterV1, kernelShapeOf } from '@alpaka-ts/interface/backend';
import { specialisationKey } from './specialisation';
import { viewLayoutOf } from './view-layout';

declare const __ALPAKA_TS_SOURCE_FINGERPRINT__: string | undefined;

/**
 * Which build of the kernel compiler this is: a hash of its sources, fixed when the package is built (or
 * tested). Run from sources some other way, it is unique to the process, so nothing cached by another
 * compiler is ever reused.
 */
export const compilerFingerprint: string =
  typeof __ALPAKA_TS_SOURCE_FINGERPRINT__ === 'string' ? __ALPAKA_TS_SOURCE_FINGERPRINT__ : `unbuilt-${randomUUID()}`;

/** One data parameter as plain data: what checking and emitting read from it. */
function describeParameter(parameter: KernelParameterV1): unknown {
  switch (parameter.kind) {
    case 'scalar':
      return [parameter.name, parameter.elementType.name];
    case 'array':
      return [parameter.name, 'array', parameter.spec.elementType.name, parameter.spec.access];
    case 'view': {
      // The layout as the compiler reads it (viewLayoutOf): its name and fields, as plain data.
      const layout = viewLayoutOf(parameter.spec.layout);
      return [parameter.name, 'view', parameter.spec.access, layout.name, layout.fields];
    }
  }
}

/**
 * A kernel's or device function's signature as plain data, read from its shape (kernelShapeOf, the signature
 * sorted once): data parameters, which of them are constant(), then device functions, described in full.
 */
function describeSignature(definition: KernelSourceV1 | DeviceFunctionSourceV1, seen: Set<DeviceFunctionSourceV1>) {
  const shape = kernelShapeOf(definition);
  return [
    shape.parameters.map(describeParameter),
    shape.constants,
    shape.deviceFunctions.map(({ name, definition: used }) => [name, describeFunction(used, seen)]),
  ];
}

function describeFunction(definition: DeviceFunctionSourceV1, seen: Set<DeviceFunctionSourceV1>): unknown {
  // A device function may be passed to several others; describe it fully once, by name afterwards.
  if (seen.has(definition)) return ['deviceFunction', definition.name];
  seen.add(definition);
  return [
    'deviceFunction',
    definition.name,
    isElementType(definition.returns) ? definition.returns.name : null,
    definition.source,
    describeSignature(definition, seen),
  ];
}

export interface KernelSourceKeyParts {
  readonly kernel: KernelSourceV1;
  readonly dimension: number;
  readonly target: string;
  readonly oneElementPerThread?: boolean | undefined;
  readonly constants?: Readonly<Record<string, number>> | undefined;
  /** Compiler options, architecture, compiler and driver versions: anything else that changes the binary. */
  readonly options?: Readonly<Record<string, string | number | boolean>> | undefined;
}

/**
 * A stable key for what a kernel compiles to, computed from its TypeScript source, signature and device
 * functions without parsing or emitting anything, so a backend can find a cached binary (and what it knows of
 * it) before running the compiler. It includes this compiler's build fingerprint: a new compiler never reuses
 * another's output. kernelCacheKey, computed from emitted source, stays the key of the binary itself.
 */
export function kernelSourceKey(parts: KernelSourceKeyParts): string {
  const { kernel } = parts;
  const seen = new Set<DeviceFunctionSourceV1>();
  const options = Object.entries(parts.options ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(
      JSON.stringify([
        compilerFingerprint,
        parts.target,
        options,
        parts.dimension,
        parts.oneElementPerThread === true,
        parts.constants === undefined ? null : specialisationKey(parts.constants),
        kernel.name,
        kernel.source,
        describeSignature(kernel, seen),
      ]),
    )
    .digest('hex');
}
