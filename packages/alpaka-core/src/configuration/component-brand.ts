/**
 * What kind of configuration object a value is, read from a brand under a registered symbol rather than with
 * `instanceof`: a configuration may import another copy of this package than the runner's (a second install,
 * or jiti's own module instance), and its objects must still be recognised. CMSSW's Python tests
 * `isinstance(value, _ConfigureComponent)`; this is that test across copies.
 */
export const componentBrand: unique symbol = Symbol.for('@alpaka-ts/core/configuration-component') as never;

export type ComponentKind =
  | 'Parameter'
  | 'Module'
  | 'Path'
  | 'EndPath'
  | 'Sequence'
  | 'Task'
  | 'Schedule'
  | 'PathOperation'
  | 'ProcessAccelerator'
  | 'SwitchProducer'
  | 'Process';

/** The kind a value is branded with, or undefined for anything that is not a configuration component. */
export function componentKindOf(value: unknown): ComponentKind | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  const kind = (value as { [componentBrand]?: unknown })[componentBrand];
  return typeof kind === 'string' ? (kind as ComponentKind) : undefined;
}

/**
 * describeValueType for an argument of a builder (cms.Path(…) …), where undefined almost always means a
 * process attribute read before anything was assigned to it (Python raises AttributeError there).
 */
export function describeArgument(value: unknown): string {
  return value === undefined
    ? 'undefined (a process label read before anything was assigned to it?)'
    : describeValueType(value);
}

/** How CMSSW's messages name a value's type (Python's `str(type(value))`), for errors about what was given. */
export function describeValueType(value: unknown): string {
  const kind = componentKindOf(value);
  if (kind !== undefined) return `<class '${kind}'>`;
  if (value === null) return "<class 'null'>";
  if (Array.isArray(value)) return "<class 'Array'>";
  if (typeof value === 'object') return `<class '${(value as object).constructor?.name ?? 'Object'}'>`;
  return `<class '${typeof value}'>`;
}
