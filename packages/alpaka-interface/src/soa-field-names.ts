// Field names a layout cannot use: each would clash with something a view already is. On the host a row proxy
// has `assign` and every view's parts are JavaScript objects (a field `__proto__` or `constructor` would replace
// what those objects are); in kernels a view has `size`, and the CUDA/HIP C++ the kernel compiler emits names a
// struct member after each field, so a C++ keyword, or a name C++ reserves (two underscores, or an underscore and
// a capital), would not compile.

const viewMembers = ['assign', 'size', 'toJSON'];

const objectMembers = Object.getOwnPropertyNames(Object.prototype);

const cppKeywords = [
  'alignas',
  'alignof',
  'and',
  'and_eq',
  'asm',
  'auto',
  'bitand',
  'bitor',
  'bool',
  'break',
  'case',
  'catch',
  'char',
  'char8_t',
  'char16_t',
  'char32_t',
  'class',
  'compl',
  'concept',
  'const',
  'consteval',
  'constexpr',
  'constinit',
  'const_cast',
  'continue',
  'co_await',
  'co_return',
  'co_yield',
  'decltype',
  'default',
  'delete',
  'do',
  'double',
  'dynamic_cast',
  'else',
  'enum',
  'explicit',
  'export',
  'extern',
  'false',
  'float',
  'for',
  'friend',
  'goto',
  'if',
  'inline',
  'int',
  'long',
  'mutable',
  'namespace',
  'new',
  'noexcept',
  'not',
  'not_eq',
  'nullptr',
  'operator',
  'or',
  'or_eq',
  'private',
  'protected',
  'public',
  'register',
  'reinterpret_cast',
  'requires',
  'return',
  'short',
  'signed',
  'sizeof',
  'static',
  'static_assert',
  'static_cast',
  'struct',
  'switch',
  'template',
  'this',
  'thread_local',
  'throw',
  'true',
  'try',
  'typedef',
  'typeid',
  'typename',
  'union',
  'unsigned',
  'using',
  'virtual',
  'void',
  'volatile',
  'wchar_t',
  'while',
  'xor',
  'xor_eq',
];

const reserved = new Map<string, string>([
  ...viewMembers.map((name): [string, string] => [name, 'a member every view has']),
  ...objectMembers.map((name): [string, string] => [name, 'a member of every JavaScript object']),
  ...cppKeywords.map((name): [string, string] => [
    name,
    'a C++ keyword, which the CUDA and HIP kernels would not compile',
  ]),
]);

/** Why `name` cannot name a field of a layout, or undefined when it can. */
export function reservedFieldName(name: string): string | undefined {
  const known = reserved.get(name);
  if (known !== undefined) return known;
  if (name.includes('__') || /^_[A-Z]/.test(name)) return 'a name C++ reserves for its implementation';
  return undefined;
}
