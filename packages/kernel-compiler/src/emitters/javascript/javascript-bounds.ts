/**
 * The JavaScript emitter's array accesses. Typed arrays already drop an out-of-range store; an out-of-range
 * load gives undefined, which `?? 0` makes 0, as the WebAssembly emitter's guarded load does, so both CPU
 * emitters agree without bounds checks (V8 folds the `??` away where it sees only in-range loads). The
 * bounds-checked forms test the index against the typed array's length, which is the argument's length, the
 * view's size (times an array column's length), or a shared array's, and record the first violation.
 */

/**
 * Declared inside the kernel function, beside its device functions (closures that see it): records an
 * out-of-range access into the launch's bounds record (boundsRecordWords) and gives the 0 a skipped load reads.
 */
export const boundsViolationHelper =
  'const $$violation = (site, index, extent) => { if ($$bounds[0] === 0) { $$bounds[1] = site + 1; $$bounds[2] = index; $$bounds[3] = extent; } $$bounds[0]++; return 0; };';

/**
 * The index temporary of one access site: each site has its own, so an access nested in another's index or
 * array (y[x[i]], m(r, x[i])[j]) never overwrites the outer one's index (kernels do not recurse).
 */
export const siteIndex = (site: number): string => `$$u${site}`;

/** An unchecked load: an out-of-range index reads 0, as on WebAssembly. */
export const uncheckedLoad = (array: string, index: string): string => `(${array}[${index}] ?? 0)`;

/** A checked load: the element, or 0 and a recorded violation. */
export function checkedLoad(array: string, index: string, site: number): string {
  const u = siteIndex(site);
  return `((${u} = ${index} >>> 0) < ${array}.length ? ${array}[${u}] : $$violation(${site}, ${u}, ${array}.length))`;
}

/**
 * A checked write: `write(element)` with the element's reference when the index is in range; otherwise the
 * violation is recorded and `skipped` (the value, still evaluated for its side effects, then 0) is the result.
 */
export function checkedWrite(
  array: string,
  index: string,
  site: number,
  write: (element: string) => string,
  skipped: string,
): string {
  const u = siteIndex(site);
  return `((${u} = ${index} >>> 0) < ${array}.length ? ${write(`${array}[${u}]`)} : ($$violation(${site}, ${u}, ${array}.length), ${skipped}))`;
}

/** A checked atomic: `call(index)` with the checked index, or a recorded violation and 0 (operands evaluated). */
export function checkedAtomic(
  array: string,
  index: string,
  site: number,
  call: (index: string) => string,
  operands: readonly string[],
): string {
  const u = siteIndex(site);
  const skipped = [`$$violation(${site}, ${u}, ${array}.length)`, ...operands, '0'].join(', ');
  return `((${u} = ${index} >>> 0) < ${array}.length ? ${call(u)} : (${skipped}))`;
}
