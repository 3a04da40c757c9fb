// Atomics on a CPU backend with one thread per block are plain read-modify-writes; the typed array's
// store performs the C conversion to the element type.
export const atomicHelpers = `
const $$atomicAdd = (a, i, v) => { const o = a[i] ?? 0; a[i] = o + v; return o; };
const $$atomicSub = (a, i, v) => { const o = a[i] ?? 0; a[i] = o - v; return o; };
const $$atomicMin = (a, i, v) => { const o = a[i] ?? 0; a[i] = o < v ? o : v; return o; };
const $$atomicMax = (a, i, v) => { const o = a[i] ?? 0; a[i] = o > v ? o : v; return o; };
const $$atomicExch = (a, i, v) => { const o = a[i] ?? 0; a[i] = v; return o; };
const $$atomicInc = (a, i, v) => { const o = a[i] ?? 0; a[i] = o >= v ? 0 : o + 1; return o; };
const $$atomicDec = (a, i, v) => { const o = a[i] ?? 0; a[i] = o === 0 || o > v ? v : o - 1; return o; };
const $$atomicAnd = (a, i, v) => { const o = a[i] ?? 0; a[i] = o & v; return o; };
const $$atomicOr = (a, i, v) => { const o = a[i] ?? 0; a[i] = o | v; return o; };
const $$atomicXor = (a, i, v) => { const o = a[i] ?? 0; a[i] = o ^ v; return o; };
const $$atomicCas = (a, i, c, v) => { const o = a[i] ?? 0; if (Object.is(o, c)) a[i] = v; return o; };
`;
