/**
 * The subset of JavaScript's Math a kernel may call, with what the front end and the emitters need to know of each
 * function; one table, so a function added to the language is added for every target at once.
 *
 * - `arguments`: how the front end types the call. 'float': one argument, computed in floating point (an integer
 *   argument becomes f64). 'keepsType': one argument whose type the result keeps (integers stay integers).
 *   'minMax': two to eight arguments of their common type. 'float2' (pow, atan2): two, in floating point.
 *   'floatN' (hypot): two to eight, in floating point. 'integer': imul and clz32 on 32-bit integers.
 * - `exactOnF32`: on f32 arguments the f64 result is already an f32, so JavaScript needs no Math.fround after it.
 * - `webAssemblyInstruction`: WebAssembly computes it itself, correctly rounded, so it equals Math on f64 and f32.
 */
export interface MathFunction {
  readonly arguments: 'float' | 'keepsType' | 'minMax' | 'float2' | 'floatN' | 'integer';
  readonly exactOnF32: boolean;
  readonly webAssemblyInstruction: boolean;
}

const float: MathFunction = { arguments: 'float', exactOnF32: false, webAssemblyInstruction: false };
const exactInstruction = { exactOnF32: true, webAssemblyInstruction: true } as const;

export const mathFunctions: Readonly<Record<string, MathFunction>> = {
  sqrt: { ...float, webAssemblyInstruction: true },
  cbrt: float,
  exp: float,
  expm1: float,
  log: float,
  log1p: float,
  log2: float,
  log10: float,
  sin: float,
  cos: float,
  tan: float,
  asin: float,
  acos: float,
  atan: float,
  sinh: float,
  cosh: float,
  tanh: float,
  asinh: float,
  acosh: float,
  atanh: float,
  floor: { arguments: 'keepsType', ...exactInstruction },
  ceil: { arguments: 'keepsType', ...exactInstruction },
  trunc: { arguments: 'keepsType', ...exactInstruction },
  round: { arguments: 'keepsType', exactOnF32: true, webAssemblyInstruction: false },
  abs: { arguments: 'keepsType', ...exactInstruction },
  sign: { arguments: 'keepsType', exactOnF32: true, webAssemblyInstruction: false },
  min: { arguments: 'minMax', ...exactInstruction },
  max: { arguments: 'minMax', ...exactInstruction },
  pow: { arguments: 'float2', exactOnF32: false, webAssemblyInstruction: false },
  atan2: { arguments: 'float2', exactOnF32: false, webAssemblyInstruction: false },
  hypot: { arguments: 'floatN', exactOnF32: false, webAssemblyInstruction: false },
  imul: { arguments: 'integer', exactOnF32: false, webAssemblyInstruction: false },
  clz32: { arguments: 'integer', exactOnF32: false, webAssemblyInstruction: false },
};

/** The kernel language's Math function `name`, or undefined for one outside it (random, fround: see the front end). */
export const mathFunctionNamed = (name: string): MathFunction | undefined =>
  Object.hasOwn(mathFunctions, name) ? mathFunctions[name] : undefined;
