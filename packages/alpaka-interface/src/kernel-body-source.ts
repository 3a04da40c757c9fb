/**
 * What is wrong with a function's source text as a kernel or device-function body, or undefined when it is a
 * function or arrow expression, the two forms the kernel compiler parses. The others reach here as text the
 * compiler cannot read as an expression (method shorthand prints as `name(acc, p) { … }`), or as no source at
 * all (a bound or built-in function prints `[native code]`), so they are refused when the kernel is declared.
 */
export function kernelBodyProblem(source: string): string | undefined {
  const text = source.trimStart();
  if (/\{\s*\[native code\]\s*\}\s*$/.test(text))
    return 'is a bound or built-in function, whose source JavaScript does not keep; pass the function itself, not fn.bind(…)';
  if (/^async\b/.test(text)) return 'is async; kernels run synchronously on every backend, so drop async';
  if (/^class\b/.test(text)) return 'is a class; pass a function (acc, parameters) => { … }';
  if (/^function\s*\*/.test(text) || text.startsWith('*'))
    return 'is a generator; pass a plain function (acc, parameters) => { … }';
  if (/^function\b/.test(text)) return undefined;
  // An arrow: parameters in parentheses, or one identifier, then =>. Method shorthand has no => before its body.
  const arrow = /^(\([\s\S]*?\)|[A-Za-z_$][\w$]*)\s*=>/.test(text);
  if (arrow) return undefined;
  return 'is method shorthand (name(acc, p) { … }), which the compiler cannot read as an expression; write it as an arrow function (acc, p) => { … } or a function expression';
}
