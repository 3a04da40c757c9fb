/**
 * What a launch must satisfy for the accesses the in-range analysis proved to need no guard: for each, an upper
 * bound on the index that is known when the kernel is launched, and the extent the index is tested against. The
 * analysis (in-range-accesses.ts) writes them at compile time; the backend tests them once per launch, with the
 * launch's argument values, before it picks the variant of the kernel without those guards.
 */

/** A value an index stays strictly below, known at launch. */
export type IndexBound =
  /** An integer the kernel was compiled with (a literal or a specialised constant()). */
  | { readonly kind: 'literal'; readonly value: number }
  /** An i32 or u32 kernel argument that the kernel never assigns, read as u32 (as the loop helpers read it). */
  | { readonly kind: 'scalarArgument'; readonly parameter: string }
  /** A view argument's element count. */
  | { readonly kind: 'viewSize'; readonly parameter: string };

/** What the access's guard tests the index against. */
export type AccessExtent =
  /** A static shared array's length, or 1 for a view's scalar field. */
  | { readonly kind: 'literal'; readonly value: number }
  /** An array argument's length in elements. */
  | { readonly kind: 'arrayLength'; readonly parameter: string }
  /** A view argument's size times `multiplier` (an array column's values per element; 1 for columns and matrices). */
  | { readonly kind: 'viewSize'; readonly parameter: string; readonly multiplier: number };

/** `bound <= extent` must hold at launch: then every index below `bound` is inside `extent`. */
export interface LaunchRequirement {
  readonly bound: IndexBound;
  readonly extent: AccessExtent;
}

/**
 * A launch's arguments as the check reads them: scalars as numbers, arrays by their length, views by their layout's
 * size (the WebAssembly arguments have this shape; the check is kept apart from them so that it depends on nothing).
 */
export type RequirementArgument =
  | number
  | boolean
  | { readonly length: number }
  | { readonly layout: { readonly size: number } };

const sizeOf = (argument: RequirementArgument | undefined): number =>
  typeof argument === 'object' && 'layout' in argument ? argument.layout.size : Number.NaN;

/** The bound as the kernel sees it: a scalar goes through ToInt32 into WebAssembly, then reads as u32. */
function boundValue(bound: IndexBound, args: Readonly<Record<string, RequirementArgument>>): number {
  switch (bound.kind) {
    case 'literal':
      return bound.value;
    case 'scalarArgument':
      return Number(args[bound.parameter]) >>> 0;
    case 'viewSize':
      return sizeOf(args[bound.parameter]) >>> 0;
  }
}

/** The extent as the guard computes it (an array column's size × length is an i32 product, hence Math.imul). */
function extentValue(extent: AccessExtent, args: Readonly<Record<string, RequirementArgument>>): number {
  switch (extent.kind) {
    case 'literal':
      return extent.value;
    case 'arrayLength': {
      const argument = args[extent.parameter];
      return typeof argument === 'object' && 'length' in argument ? argument.length >>> 0 : 0;
    }
    case 'viewSize':
      return Math.imul(sizeOf(args[extent.parameter]) >>> 0, extent.multiplier) >>> 0;
  }
}

/**
 * Whether every requirement holds for these arguments, so that the kernel's proven accesses are all in range and
 * their guards would never fire. A missing or malformed argument fails the test (the guarded variant runs then).
 */
export function launchMeetsRequirements(
  requirements: readonly LaunchRequirement[],
  args: Readonly<Record<string, RequirementArgument>>,
): boolean {
  for (const { bound, extent } of requirements) {
    if (!(boundValue(bound, args) <= extentValue(extent, args))) return false;
  }
  return true;
}

/** A stable text for a requirement, so that equal requirements are listed once. */
export const requirementKey = ({ bound, extent }: LaunchRequirement): string => JSON.stringify([bound, extent]);
