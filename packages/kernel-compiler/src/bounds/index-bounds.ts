import type { Expression, KernelParameterIR } from '../ir';
import type { IndexBound } from './launch-requirements';

/** What a name means at one point of the kernel body, for the in-range analysis. */
export type Meaning =
  /** An i32 or u32 argument the kernel never assigns: its launch value holds throughout. */
  | { readonly kind: 'scalarParameter'; readonly parameter: KernelParameterIR }
  | { readonly kind: 'arrayParameter'; readonly parameter: KernelParameterIR }
  | { readonly kind: 'viewParameter'; readonly parameter: KernelParameterIR }
  | { readonly kind: 'sharedArray'; readonly length: number | undefined }
  /** A loop helper's variable: each component (one for a scalar, one per axis for ND) below its bound, if known. */
  | { readonly kind: 'bounded'; readonly bounds: readonly (IndexBound | undefined)[] }
  /** A group-element loop's { global, local }: global below its bound, if known. */
  | { readonly kind: 'elementIndex'; readonly global: IndexBound | undefined }
  /** Anything else: a local, an assigned argument, a name that shadows one. */
  | { readonly kind: 'other' };

/** The names in scope at one point (each nested scope starts from a copy of its parent's). */
export type Scope = Map<string, Meaning>;

const largestU32 = 0xffffffff;
const isU32Integer = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= largestU32;
const isWord = (expression: Expression): boolean =>
  expression.type.kind === 'scalar' && (expression.type.scalar === 'u32' || expression.type.scalar === 'i32');

/** Strips conversions between i32 and u32, which keep the bits (and so the value the unsigned guard tests). */
function withoutWordConversions(expression: Expression): Expression {
  let current = expression;
  while (current.kind === 'convert' && isWord(current) && isWord(current.value)) current = current.value;
  return current;
}

/** The bound a loop variable's value (an index expression made of one) stays below, if one is known. */
function boundOfVariable(expression: Expression, scope: Scope): IndexBound | undefined {
  if (expression.kind === 'variable') {
    const meaning = scope.get(expression.name);
    return meaning?.kind === 'bounded' && meaning.bounds.length === 1 ? meaning.bounds[0] : undefined;
  }
  if (expression.kind === 'field' && expression.field === 'global' && expression.base.kind === 'variable') {
    const meaning = scope.get(expression.base.name);
    return meaning?.kind === 'elementIndex' ? meaning.global : undefined;
  }
  if (expression.kind === 'component' && expression.base.kind === 'variable' && expression.index.kind === 'literal') {
    const meaning = scope.get(expression.base.name);
    return meaning?.kind === 'bounded' ? meaning.bounds[expression.index.value] : undefined;
  }
  return undefined;
}

/**
 * A launch-time value that `index` (an access's index, as u32) is strictly below: a loop variable's bound, or
 * literal + 1 for a literal index.
 */
export function boundOfIndex(index: Expression, scope: Scope): IndexBound | undefined {
  const bare = withoutWordConversions(index);
  if (bare.kind === 'literal')
    return isU32Integer(bare.value) && bare.value < largestU32 ? { kind: 'literal', value: bare.value + 1 } : undefined;
  return boundOfVariable(bare, scope);
}

/**
 * The launch-time value of a loop helper's extent (every value of its variable is below it), or one that the extent
 * is itself below (an outer loop's variable: j < i < n gives j < n).
 */
export function boundOfLoopExtent(extent: Expression, scope: Scope): IndexBound | undefined {
  const bare = withoutWordConversions(extent);
  if (bare.kind === 'literal') return isU32Integer(bare.value) ? { kind: 'literal', value: bare.value } : undefined;
  if (bare.kind === 'variable') {
    const meaning = scope.get(bare.name);
    if (meaning?.kind === 'scalarParameter') return { kind: 'scalarArgument', parameter: meaning.parameter.name };
  }
  if (bare.kind === 'viewSize' && bare.view.kind === 'variable') {
    const meaning = scope.get(bare.view.name);
    if (meaning?.kind === 'viewParameter') return { kind: 'viewSize', parameter: meaning.parameter.name };
  }
  return boundOfVariable(bare, scope);
}
