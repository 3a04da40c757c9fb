#!/usr/bin/env node
// Builds the plan for checking, on a GPU machine, that CUDA C++ from the kernel compiler gives the same
// answers as its JavaScript emitter: the CUDA module of the conformance kernels and a differential kernel,
// the launches with GPU work divisions (many threads per block), their inputs, and the outputs the JavaScript
// emitter produces for the same elements (or, where a kernel reports its own work division, the values that
// work division implies). run-cuda-plan.py runs it with CuPy. Usage: node make-cuda-semantics-plan.mjs OUT.json
import { writeFileSync } from 'node:fs';
import { array, f32, f64, i8, i32, kernel, u8, u32 } from '@alpaka-ts/interface';
import { conformanceKernels } from '@alpaka-ts/interface/testing';
import { checkKernel, compileJavaScriptKernel, emitCppModule } from '@alpaka-ts/kernel-compiler';

const dtypes = {
  bool: 'bool',
  i8: 'int8',
  u8: 'uint8',
  i16: 'int16',
  u16: 'uint16',
  i32: 'int32',
  u32: 'uint32',
  f32: 'float32',
  f64: 'float64',
};

// Integer wrapping, conversions and f32/f64 rounding in one kernel, over random inputs.
const semantics = kernel(
  'semantics',
  {
    n: u32,
    a: array(i32, 'in'),
    b: array(i32, 'in'),
    u: array(u32, 'in'),
    x: array(f32, 'in'),
    d: array(f64, 'in'),
    outI: array(i32, 'out'),
    outU: array(u32, 'out'),
    outF: array(f32, 'out'),
    outD: array(f64, 'out'),
    outB: array(i8, 'out'),
    outC: array(u8, 'out'),
  },
  (acc, { n, a, b, u, x, d, outI, outU, outF, outD, outB, outC }) => {
    for (const i of acc.uniformElements(n)) {
      const divisor = b[i] === 0 ? 1 : b[i];
      outI[i] =
        ((a[i] * b[i] + (a[i] << 5)) ^ (b[i] >> 3)) +
        Math.trunc(a[i] / divisor) -
        (a[i] % divisor) +
        acc.i32(x[i] * 1000);
      outU[i] = u[i] * 2654435761 + (u[i] >>> 7) - Math.trunc(u[i] / 3) + acc.u32(d[i]);
      outF[i] = x[i] * x[i] - x[i] / 3 + Math.sqrt(Math.abs(x[i])) + Math.floor(x[i]);
      outD[i] = d[i] * 1e-3 + Math.round(d[i] / 7) - Math.min(d[i], 1.5) + Math.max(d[i], -0);
      outB[i] = a[i] + 100;
      outC[i] = acc.u8(x[i] * 300);
    }
  },
);

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const find = (name) => {
  const found = conformanceKernels.find((entry) => entry.kernel.name === name);
  if (!found) throw new Error(`no conformance kernel named ${name}`);
  return found.kernel;
};
const base64 = (typed) => Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength).toString('base64');

const launches = [];
const specialisations = new Map();

/**
 * Adds a launch. args: { name: number | TypedArray }. expect: 'javascript' (run the JavaScript emitter over
 * the same elements: threads × elements per block) or an object of explicit expected arrays.
 */
function launch(
  label,
  definition,
  args,
  {
    blocks,
    threads,
    elements = threads.map(() => 1),
    dynamicSharedBytes = 0,
    expect = 'javascript',
    compare = 'exact',
    tolerance = 0,
  },
) {
  const dimension = blocks.length;
  // Scalars reach a kernel converted to their element type, as a real launch converts them (prepareLaunch).
  for (const [name, spec] of Object.entries(definition.signature)) {
    if (typeof args[name] === 'number')
      args[name] = (spec.kind === 'element' ? spec : spec.elementType).convert(args[name]);
  }
  specialisations.set(`${definition.name}/${dimension}`, { kernel: definition, dimension });
  const ir = checkKernel(definition, { dimension });
  const checks = ir.usesChecks ? new Uint32Array(2) : undefined;
  let expected = expect;
  if (expect === 'javascript') {
    const copies = Object.fromEntries(
      Object.entries(args).map(([name, value]) => [name, typeof value === 'number' ? value : value.slice()]),
    );
    const javascriptChecks = checks?.slice();
    const cpuElements = threads.map((count, axis) => count * elements[axis]);
    compileJavaScriptKernel(definition, dimension).run(
      copies,
      { blocksPerGrid: blocks, threadsPerBlock: threads.map(() => 1), elementsPerThread: cpuElements },
      new ArrayBuffer(dynamicSharedBytes),
      javascriptChecks,
    );
    expected = Object.fromEntries(Object.entries(copies).filter(([, value]) => typeof value !== 'number'));
    if (javascriptChecks) expected.alpaka_checks = javascriptChecks;
  } else if (checks) {
    expected = { ...expect, alpaka_checks: new Uint32Array(2) };
  }
  const argumentList = ir.parameters.map(({ name, type }) => {
    const value = args[name];
    if (type.kind === 'scalar') return { name, kind: 'scalar', dtype: dtypes[type.scalar], value: Number(value) };
    return {
      name,
      kind: 'array',
      dtype: dtypes[type.element],
      data: base64(value),
      expected: expected[name] ? base64(expected[name]) : undefined,
    };
  });
  for (let axis = 0; axis < dimension; axis++)
    argumentList.push({ name: `alpaka_elements${axis}`, kind: 'scalar', dtype: 'uint32', value: elements[axis] });
  if (checks)
    argumentList.push({
      name: 'alpaka_checks',
      kind: 'array',
      dtype: 'uint32',
      data: base64(checks),
      expected: base64(expected.alpaka_checks),
    });
  launches.push({
    label,
    entry: `${definition.name}_${dimension}d`,
    blocks,
    threads,
    dynamicSharedBytes,
    compare,
    tolerance,
    args: argumentList,
  });
}

// The differential kernel on random data, with one and with four elements per thread.
const random = mulberry32(20261122);
const n = 1 << 16;
const edges = [-2147483648, 2147483647, 0, -1, 1];
const inputs = () => ({
  n,
  a: Int32Array.from({ length: n }, (_, i) => edges[i] ?? (random() * 2 ** 32) | 0),
  b: Int32Array.from({ length: n }, (_, i) => edges[4 - i] ?? (random() * 2 ** 32) | 0),
  u: Uint32Array.from({ length: n }, () => (random() * 2 ** 32) >>> 0),
  x: Float32Array.from({ length: n }, () => (random() - 0.5) * 2 ** (random() * 30 - 10)),
  d: Float64Array.from(
    { length: n },
    (_, i) =>
      [Number.NaN, Number.POSITIVE_INFINITY, -0, 2.5, -2.5, 1e20][i] ?? (random() - 0.5) * 2 ** (random() * 60 - 20),
  ),
  outI: new Int32Array(n),
  outU: new Uint32Array(n),
  outF: new Float32Array(n),
  outD: new Float64Array(n),
  outB: new Int8Array(n),
  outC: new Uint8Array(n),
});
launch('semantics, 1 element per thread', semantics, inputs(), { blocks: [64], threads: [256] });
launch('semantics, 4 elements per thread', semantics, inputs(), { blocks: [16], threads: [128], elements: [4] });

// The conformance kernels with GPU work divisions.
launch(
  'scalars',
  find('conformanceScalars'),
  {
    b: 1,
    a8: -5,
    b8: 200,
    a16: -3000,
    b16: 60000,
    a32: -70000,
    b32: 4000000000,
    r32: 0.1,
    r64: 0.1,
    fixed: 12,
    out: new Float64Array(10),
  },
  { blocks: [1], threads: [1] },
);
launch(
  'axpy',
  find('conformanceAxpy'),
  { n: 1000, a: 2, x: Float32Array.from({ length: 1000 }, (_, i) => i * 0.37), y: new Float32Array(1000).fill(1) },
  { blocks: [16], threads: [64] },
);
launch(
  'device functions',
  find('conformanceDeviceFunctions'),
  {
    n: 64,
    x: Float32Array.from({ length: 64 }, (_, i) => (i - 32) / 4),
    lengths: new Float32Array(64),
    codes: Int32Array.from({ length: 64 }, (_, i) => i - 32),
  },
  { blocks: [4], threads: [16] },
);
launch(
  'getWorkDiv 3D',
  find('conformanceWorkDivision'),
  { out: new Uint32Array(12) },
  { blocks: [2, 3, 4], threads: [1, 2, 2], expect: { out: Uint32Array.from([2, 3, 4, 1, 2, 2, 1, 1, 1, 2, 6, 8]) } },
);
launch(
  'thread indices 1D',
  find('conformanceIndices1D'),
  { out: new Uint32Array(40) },
  { blocks: [5], threads: [8], expect: { out: Uint32Array.from({ length: 40 }, (_, i) => i + 1) } },
);
launch(
  'thread indices 3D',
  find('conformanceIndices3D'),
  { out: new Uint32Array(192) },
  { blocks: [2, 3, 2], threads: [2, 2, 4], expect: { out: Uint32Array.from({ length: 192 }, (_, i) => i + 1) } },
);
for (const [first, extent, blocks, threads] of [
  [0, 100000, 7, 128],
  [10, 40, 3, 4],
  [0, 5, 16, 8],
]) {
  launch(
    `uniformElements(${first}, ${extent})`,
    find('conformanceUniformElements'),
    { first, extent, counts: new Uint32Array(Math.max(extent, 1)) },
    { blocks: [blocks], threads: [threads] },
  );
}
launch(
  'uniformElementsAlong 2D',
  find('conformanceUniformElements2D'),
  { rows: 13, columns: 21, counts: new Uint32Array(273) },
  { blocks: [2, 3], threads: [4, 4] },
);
launch(
  'uniformElementsND 2D',
  find('conformanceUniformElementsND'),
  { rows: 13, columns: 21, counts: new Uint32Array(273) },
  { blocks: [2, 3], threads: [4, 4] },
);
launch(
  'uniformGroups + elements',
  find('conformanceUniformGroups'),
  { extent: 150, counts: new Uint32Array(150), locals: new Uint32Array(150) },
  { blocks: [3], threads: [16] },
);
launch(
  'independentGroups + elements',
  find('conformanceIndependentGroups'),
  { groups: 7, extent: 19, counts: new Uint32Array(133) },
  { blocks: [3], threads: [8] },
);
launch(
  'oncePerGrid / oncePerBlock',
  find('conformanceOnce'),
  { perBlock: new Uint32Array(6), perGrid: new Uint32Array(1) },
  { blocks: [6], threads: [32] },
);
launch(
  'static shared reverse',
  find('conformanceSharedReverse'),
  { data: Int32Array.from({ length: 256 }, (_, i) => i) },
  { blocks: [4], threads: [64] },
);
launch(
  'dynamic shared reverse',
  find('conformanceDynamicSharedReverse'),
  { size: 48, data: Int32Array.from({ length: 144 }, (_, i) => i) },
  { blocks: [3], threads: [48], dynamicSharedBytes: 192 },
);
launch(
  'shared per block',
  find('conformanceSharedPerBlock'),
  { out: new Uint32Array(8) },
  { blocks: [8], threads: [32] },
);
launch(
  'sync predicates',
  find('conformanceSyncPredicates'),
  { out: new Uint32Array(15).fill(7) },
  { blocks: [3], threads: [64], expect: { out: Uint32Array.from([32, 1, 0, 1, 0, 32, 1, 0, 1, 0, 32, 1, 0, 1, 0]) } },
);
for (const { kernel: definition } of conformanceKernels.filter((entry) =>
  entry.kernel.name.startsWith('conformanceAtomics_'),
)) {
  const type = definition.name.split('_')[1];
  const TypedArrayOfType = { i32: Int32Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array }[type];
  const float = type === 'f32' || type === 'f64';
  const data = float
    ? [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]
    : [5, type === 'i32' ? 2147483647 : 4294967295, 5, 5, 5, 5, 5, 3, 0, 3, 7, 12, 12, 12, 5, 5];
  const operand = float
    ? [0.25, 0.25, -2.5, 2.5, -0.5, 3, 3]
    : [3, 1, 7, type === 'i32' ? -3 : 3, 9, 11, 5, 5, 5, 5, 5, 10, 10, 10, 9, 9];
  const compare = float ? [0, 0, 0, 0, 0, 1.5, 1.25] : [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4];
  launch(
    definition.name,
    definition,
    {
      data: TypedArrayOfType.from(data),
      old: new TypedArrayOfType(data.length),
      operand: TypedArrayOfType.from(operand),
      compare: TypedArrayOfType.from(compare),
    },
    { blocks: [2], threads: [8] },
  );
}
launch(
  'atomics under contention (integers)',
  find('conformanceAtomicContention'),
  { n: 5000, counters: Uint32Array.from([0, 0, 4294967295, 0, 0, 5000, 0, 0, 0]) },
  { blocks: [8], threads: [64] },
);
launch(
  'atomics under contention (floats)',
  find('conformanceAtomicFloatContention'),
  { n: 3000, sums: new Float32Array(1), wide: Float64Array.from([0, -1]) },
  { blocks: [4], threads: [64] },
);
launch('memory fence', find('conformanceFence'), { data: new Int32Array(2) }, { blocks: [4], threads: [32] });
launch(
  'warp',
  find('conformanceWarp'),
  { out: new Int32Array(1) },
  { blocks: [2], threads: [32], expect: { out: Int32Array.from([32]) } },
);
const mathInputs = Float64Array.from([0.25, 0.5, 0.75, 1.5, 2, 3.7, -0.3, -2.5, 0, -0, 10.5]);
launch(
  'Math in f64',
  find('conformanceMath'),
  { n: mathInputs.length, x: mathInputs, out: new Float64Array(mathInputs.length * 28) },
  { blocks: [2], threads: [8], compare: 'close', tolerance: 1e-14 },
);

const module = emitCppModule('cuda', [...specialisations.values()]);
const plan = { source: module.source, options: [...module.requiredOptions, '-std=c++17'], launches };
writeFileSync(process.argv[2] ?? 'cuda-plan.json', JSON.stringify(plan));
console.log(
  `${launches.length} launches of ${specialisations.size} kernel specialisations, ${module.source.length} bytes of CUDA`,
);
