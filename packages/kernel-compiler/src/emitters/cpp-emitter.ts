import { elementTypes } from '@alpaka-ts/interface';
import type { BoundsSite } from '../bounds/bounds-sites';
import type { EmitOptions } from '../emit-options';
import type { Expression, KernelIR, Statement } from '../ir';
import { shortHash } from '../short-hash';
import { specialisationKey } from '../specialisation';
import { isFloat, type ScalarType, type ValueType, type ViewLayout } from '../types';
import { viewStruct } from '../view-layout';
import { boundsRecordName, lengthName } from './cpp-bounds';
import { type CppDialect, cppPrelude } from './cpp-prelude';
import { TextEmitter } from './text-emitter';

// The interface's element types know their C names, as they know their sizes.
const cTypeOf = (element: ScalarType): string => elementTypes[element].cType;

const axisNames = ['x', 'y', 'z'];
const scalarOf = (type: ValueType): ScalarType => (type.kind === 'scalar' ? type.scalar : 'u32');

/** User identifiers get a prefix, so no kernel name can collide with a C++ keyword or a CUDA builtin. */
export const cppName = (name: string): string => `v_${name.replace(/\$/g, '_S_')}`;

export interface CppKernelSource {
  /** The kernel's definition, to follow the dialect's prelude in a module. */
  readonly code: string;
  /** The extern "C" entry point: `${kernel name}_${dimension}d`, then `_1e` (one element per thread), `_s<hash>` (specialised constants). */
  readonly entry: string;
  /**
   * Launch parameters after the signature's: one u32 elements-per-thread per axis, then the check buffer; a
   * bounds-checked kernel then takes its bounds record (a pointer to boundsRecordWords u32), the dynamic shared
   * memory's bytes and one u32 length per array parameter, in the order of lengthParameters.
   */
  readonly hiddenParameters: readonly ('elements' | 'checks' | 'bounds' | 'dynamicSharedBytes' | 'length')[];
  /** The array parameters (signature names) whose lengths the 'length' hidden parameters are, in order. */
  readonly lengthParameters: readonly string[];
  /** Bounds-checked code: each access site, by the number the bounds record holds (empty without checks). */
  readonly boundsSites: readonly BoundsSite[];
}

function literal(value: number, type: ScalarType): string {
  if (type === 'f32' || type === 'f64') {
    const rounded = type === 'f32' ? Math.fround(value) : value;
    if (Number.isNaN(rounded))
      return type === 'f32' ? 'alpaka_f32_from_bits(0x7fc00000u)' : 'alpaka_f64_from_bits(0x7ff8000000000000ull)';
    if (!Number.isFinite(rounded)) {
      const positive =
        type === 'f32' ? 'alpaka_f32_from_bits(0x7f800000u)' : 'alpaka_f64_from_bits(0x7ff0000000000000ull)';
      return rounded > 0 ? positive : `(-${positive})`;
    }
    const text = Object.is(rounded, -0) ? '-0.0' : rounded.toPrecision(type === 'f32' ? 9 : 17);
    const withPoint = /[.e]/.test(text) ? text : `${text}.0`;
    return `${rounded < 0 || Object.is(rounded, -0) ? `(${withPoint}` : withPoint}${type === 'f32' ? 'f' : ''}${rounded < 0 || Object.is(rounded, -0) ? ')' : ''}`;
  }
  if (type === 'bool') return value ? 'true' : 'false';
  if (type === 'u32' || type === 'u8' || type === 'u16') return `${value >>> 0}u`;
  if (value === -2147483648) return '(-2147483647 - 1)';
  return value < 0 ? `(${value})` : String(value);
}

function convert(code: string, from: ScalarType, to: ScalarType): string {
  if (from === to) return code;
  if (to === 'bool') return `((${code}) != 0)`;
  if (to === 'f32' || to === 'f64') return `((${cTypeOf(to)})(${code}))`;
  if (isFloat(from)) {
    // JavaScript's ToInt32 / ToUint32, then C's modular narrowing, as the JavaScript emitter does.
    return to === 'u32' ? `alpaka_to_u32(${code})` : `((${cTypeOf(to)})alpaka_to_i32(${code}))`;
  }
  return `((${cTypeOf(to)})(${code}))`;
}

function binary(operator: string, left: string, right: string, type: ScalarType): string {
  if (type === 'f32' || type === 'f64') {
    if (operator === '%') return `${type === 'f32' ? 'fmodf' : 'fmod'}(${left}, ${right})`;
    return `(${left} ${operator} ${right})`;
  }
  const signed = type === 'i32';
  // Signed overflow is undefined in C++: compute in unsigned and convert back, which wraps as JavaScript does.
  if (operator === '+' || operator === '-' || operator === '*')
    return signed
      ? `((int32_t)((uint32_t)(${left}) ${operator} (uint32_t)(${right})))`
      : `((uint32_t)(${left} ${operator} ${right}))`;
  if (operator === '%') return `alpaka_mod_${type}(${left}, ${right})`;
  // Shift counts wrap at 32, as in JavaScript (C leaves larger counts undefined).
  if (operator === '<<')
    return signed ? `((int32_t)((uint32_t)(${left}) << ((${right}) & 31u)))` : `((${left}) << ((${right}) & 31u))`;
  if (operator === '>>' || operator === '>>>') return `((${left}) >> ((${right}) & 31u))`;
  return `(${left} ${operator} ${right})`;
}

const floatFunctions: Record<string, string> = { abs: 'fabs', round: 'alpaka_round' };

function math(name: string, args: string[], type: ScalarType): string {
  if (!isFloat(type)) {
    if (name === 'abs') return type === 'u32' ? (args[0] ?? '0u') : `abs(${args[0]})`;
    if (name === 'floor' || name === 'ceil' || name === 'trunc' || name === 'round') return args[0] ?? '0';
    if (name === 'sign') return `alpaka_sign(${args[0]})`;
    if (name === 'min' || name === 'max') return args.reduce((accumulated, next) => `${name}(${accumulated}, ${next})`);
    if (name === 'imul') return `((int32_t)((uint32_t)(${args[0]}) * (uint32_t)(${args[1]})))`;
    if (name === 'clz32') return `((int32_t)__clz((int)(${args[0]})))`;
    return `${name}(${args.join(', ')})`;
  }
  const suffix = type === 'f32' ? 'f' : '';
  if (name === 'round') return `alpaka_round${suffix}(${args[0]})`;
  if (name === 'sign') return `alpaka_sign(${args[0]})`;
  if (name === 'min' || name === 'max')
    return args.reduce((accumulated, next) => `alpaka_f${name}(${accumulated}, ${next})`);
  if (name === 'hypot') return args.reduce((accumulated, next) => `hypot${suffix}(${accumulated}, ${next})`);
  return `${floatFunctions[name] ?? name}${suffix}(${args.join(', ')})`;
}

/**
 * Emits one kernel as CUDA or HIP C++: an extern "C" __global__ entry whose loop helpers become grid- and
 * block-strided loops with the work division's elements per thread, alpaka's axis order mapped to CUDA's
 * (the last, fastest axis is x). Integer semantics match the JavaScript emitter exactly; f32 operations do too
 * when the module is compiled without contraction (NVRTC --fmad=false, hiprtc -ffp-contract=off).
 */
export class CppEmitter extends TextEmitter {
  /** Labels a break jumps to; a label nothing jumps to is not written (nvcc warns about it). */
  private readonly usedLabels = new Set<string>();
  /** The entry's name: device functions are named after it, so two specialisations in one module never collide. */
  private entry = '';

  constructor(
    private readonly ir: KernelIR,
    private readonly dimension: number,
    private readonly dialect: CppDialect,
    /** Compile for one element per thread (the GPU work division's): loop helpers lose their chunk loops. */
    private readonly oneElementPerThread = false,
    /** The bounds-checked variant: an entry of its own (`_bc`), with the hidden parameters it needs. */
    private readonly boundsChecks = false,
  ) {
    super(0);
  }

  /** The CUDA component (x, y, z) of alpaka axis `axis`. */
  private component(axis: number): string {
    return axisNames[this.dimension - 1 - axis] ?? 'x';
  }

  emit(): CppKernelSource {
    const { ir, dimension } = this;
    const specialised = ir.parameters.filter((parameter) => parameter.value !== undefined);
    // Each specialisation has its own entry, so several can share one module (the key tells -0 from 0).
    const suffix =
      specialised.length === 0
        ? ''
        : `_s${shortHash(specialisationKey(Object.fromEntries(specialised.map((parameter) => [parameter.name, parameter.value as number]))))}`;
    const entry = `${ir.name}_${dimension}d${this.oneElementPerThread ? '_1e' : ''}${this.boundsChecks ? '_bc' : ''}${suffix}`;
    this.entry = entry;
    // Specialised constants are literals in the body, not parameters.
    const parameters = ir.parameters
      .filter((parameter) => parameter.value === undefined)
      .map((parameter) => this.parameterDeclaration(parameter.type, parameter.local));
    const hidden: Array<CppKernelSource['hiddenParameters'][number]> = [];
    const lengthParameters: string[] = [];
    for (let axis = 0; axis < dimension; axis++) {
      parameters.push(`uint32_t alpaka_elements_parameter${axis}`);
      hidden.push('elements');
    }
    if (ir.usesChecks) {
      parameters.push('uint32_t* alpaka_checks');
      hidden.push('checks');
    }
    if (this.boundsChecks) {
      parameters.push(`uint32_t* ${boundsRecordName}`, 'uint32_t alpaka_dynamic_shared_bytes');
      hidden.push('bounds', 'dynamicSharedBytes');
      for (const parameter of ir.parameters) {
        if (parameter.type.kind !== 'array') continue;
        parameters.push(`uint32_t ${lengthName(cppName(parameter.local))}`);
        hidden.push('length');
        lengthParameters.push(parameter.name);
      }
    }
    this.viewStructs();
    for (const deviceFunction of ir.functions) {
      this.deviceFunction = deviceFunction;
      const declarations = deviceFunction.parameters.map((parameter) =>
        this.parameterDeclaration(parameter.type, parameter.local),
      );
      // Checked: a device function takes each array's length after it, and the bounds record last.
      if (this.boundsChecks) declarations.push(`uint32_t* ${boundsRecordName}`);
      const signature = declarations.join(', ');
      this.line(
        `static __device__ ${deviceFunction.returns === undefined ? 'void' : cTypeOf(deviceFunction.returns)} ${this.functionName(deviceFunction.id)}(${signature}) {`,
      );
      this.indentation += 1;
      this.inFunction = true;
      this.statements(deviceFunction.body);
      this.inFunction = false;
      this.deviceFunction = undefined;
      this.indentation -= 1;
      this.line('}');
    }
    this.line(`extern "C" __global__ void ${entry}(${parameters.join(', ')}) {`);
    this.indentation += 1;
    for (let axis = 0; axis < dimension; axis++) {
      // A compile-time 1 lets the compiler drop the chunk loops; the launch still passes the value.
      this.line(
        `const uint32_t alpaka_elements${axis} = ${this.oneElementPerThread ? '1u' : `alpaka_elements_parameter${axis}`};`,
      );
    }
    for (const shared of ir.shared) {
      if (shared.length === undefined)
        this.line(
          `${cTypeOf(shared.element)}* ${cppName(shared.name)} = reinterpret_cast<${cTypeOf(shared.element)}*>(alpaka_dynamic_shared);`,
        );
      else this.line(`__shared__ ${cTypeOf(shared.element)} ${cppName(shared.name)}[${shared.length}];`);
    }
    this.statements(ir.body);
    this.indentation -= 1;
    this.line('}');
    return {
      code: `${this.lines.join('\n')}\n`,
      entry,
      hiddenParameters: hidden,
      lengthParameters,
      boundsSites: this.sites.list,
    };
  }

  /**
   * Declares the struct of every view the kernel or its functions take (viewStruct's order: pointers, matrix
   * strides, size), guarded so that kernels sharing a layout in one module share the struct.
   */
  private viewStructs(): void {
    const layouts = new Map<string, ViewLayout>();
    for (const parameter of [...this.ir.parameters, ...this.ir.functions.flatMap((fn) => fn.parameters)]) {
      if (parameter.type.kind === 'view') layouts.set(parameter.type.layout.id, parameter.type.layout);
    }
    for (const layout of layouts.values()) {
      const guard = `ALPAKA_VIEW_${layout.id}`;
      this.line(`#ifndef ${guard}`);
      this.line(`#define ${guard}`);
      this.line(`struct alpaka_view_${layout.id} {`);
      for (const member of viewStruct(layout).members) {
        const field = layout.fields.find((candidate) => member.kind !== 'size' && candidate.name === member.field);
        if (member.kind === 'pointer' && field) this.line(`  ${cTypeOf(field.element)}* ${cppName(field.name)};`);
        else if (member.kind === 'stride' && field) this.line(`  uint32_t ${cppName(field.name)}_stride;`);
        else this.line('  uint32_t size;');
      }
      this.line('};');
      this.line('#endif');
    }
  }

  private functionName(id: string): string {
    return `fn_${this.entry}__${id}`;
  }

  private parameterDeclaration(type: ValueType, local: string): string {
    if (type.kind === 'view') return `alpaka_view_${type.layout.id} ${cppName(local)}`;
    if (type.kind === 'array') {
      const pointer = `${type.access === 'in' ? 'const ' : ''}${cTypeOf(type.element)}* ${cppName(local)}`;
      // Only device functions declare arrays here; the entry's lengths are hidden parameters at the end.
      return this.boundsChecks && this.declaringFunction
        ? `${pointer}, uint32_t ${lengthName(cppName(local))}`
        : pointer;
    }
    return `${cTypeOf(scalarOf(type))} ${cppName(local)}`;
  }

  private declaration(name: string, type: ValueType, constant: boolean, init: string, extent?: string): string {
    if (type.kind === 'array') {
      const pointer = `${type.access === 'in' ? 'const ' : ''}${cTypeOf(type.element)}* const ${cppName(name)} = ${init};`;
      return extent === undefined ? pointer : `${pointer} const uint32_t ${lengthName(cppName(name))} = ${extent};`;
    }
    return `${constant ? 'const ' : ''}${cTypeOf(scalarOf(type))} ${cppName(name)} = ${init};`;
  }

  protected override statement(statement: Statement): void {
    switch (statement.kind) {
      case 'declare':
        if (statement.type.kind === 'vector' && statement.init) {
          this.components(statement.init).forEach((component, axis) => {
            this.line(`const uint32_t ${cppName(`${statement.name}$${axis}`)} = ${component};`);
          });
        } else {
          this.line(
            this.declaration(
              statement.name,
              statement.type,
              statement.constant,
              statement.init ? this.expression(statement.init) : '0',
              this.boundsChecks && statement.type.kind === 'array' && statement.init
                ? this.arrayExtent(statement.init)
                : undefined,
            ),
          );
        }
        return;
      case 'expression':
        this.line(`${this.expression(statement.expression, false)};`);
        return;
      case 'if':
        this.block(`if (${this.expression(statement.test)})`, statement.consequent, null);
        if (statement.alternate.length > 0) this.block('else', statement.alternate, null);
        return;
      case 'for': {
        this.line('{');
        this.indentation += 1;
        this.statements(statement.init);
        const test = statement.test ? this.expression(statement.test) : '';
        const update = statement.update ? this.expression(statement.update, false) : '';
        this.block(`for (; ${test}; ${update})`, statement.body, undefined);
        this.indentation -= 1;
        this.line('}');
        return;
      }
      case 'while':
        if (statement.testFirst) this.block(`while (${this.expression(statement.test)})`, statement.body, undefined);
        else {
          this.block('do', statement.body, undefined);
          this.lines[this.lines.length - 1] += ` while (${this.expression(statement.test)});`;
        }
        return;
      case 'loopHelper':
        this.loopHelper(statement);
        return;
      case 'break': {
        const label = this.loops[0];
        if (label) this.usedLabels.add(label);
        this.line(label ? `goto ${label};` : 'break;');
        return;
      }
      case 'continue':
        this.line('continue;');
        return;
      case 'return':
        this.line(this.inFunction && statement.value ? `return ${this.expression(statement.value)};` : 'return;');
        return;
      case 'sync':
        this.line('__syncthreads();');
        return;
      case 'fence':
        this.line(statement.scope === 'block' ? '__threadfence_block();' : '__threadfence();');
        return;
      case 'check':
        this.line(
          `if (!(${this.expression(statement.condition)})) { atomicAdd(&alpaka_checks[0], 1u); atomicCAS(&alpaka_checks[1], 0u, ${statement.id + 1}u); }`,
        );
        return;
      case 'block':
        this.block('', statement.body, null);
        return;
      case 'switch': {
        const type = scalarOf(statement.discriminant.type);
        this.line(`switch (${this.expression(statement.discriminant)}) {`);
        this.indentation += 1;
        for (const switchCase of statement.cases) {
          const label = switchCase.test === undefined ? 'default' : `case ${literal(switchCase.test, type)}`;
          // A break in a case leaves the switch (undefined: a plain break), not an enclosing loop helper.
          this.block(`${label}:`, switchCase.body, undefined);
        }
        this.indentation -= 1;
        this.line('}');
        return;
      }
    }
  }

  private loopHelper(statement: Extract<Statement, { kind: 'loopHelper' }>): void {
    const label = `alpaka_loop${this.labels++}`;
    const args = statement.arguments.map((argument) => this.expression(argument));
    const variable = cppName(statement.variable);
    let closings = 0;
    const open = (text: string) => {
      this.line(text);
      this.indentation += 1;
      closings += 1;
    };
    const thread = (axis: number) =>
      `(blockIdx.${this.component(axis)} * blockDim.${this.component(axis)} + threadIdx.${this.component(axis)})`;
    const elementsAlong = (axis: number, first: string, extent: string, name: string) => {
      const c = this.component(axis);
      const end = `${label}_end${axis}`;
      const base = `${label}_base${axis}`;
      this.line(`const uint32_t ${end} = ${extent};`);
      if (this.oneElementPerThread) {
        // One element per thread: a plain grid-strided loop. (With the chunk loop the compiler cannot prove
        // `v < min(base + 1, end)` runs once, since base + 1 may wrap, and unrolls it four times.)
        open(
          `for (uint32_t ${name} = ${first} + ${thread(axis)}; ${name} < ${end}; ${name} += gridDim.${c} * blockDim.${c}) {`,
        );
        return;
      }
      open(
        `for (uint32_t ${base} = ${first} + ${thread(axis)} * alpaka_elements${axis}; ${base} < ${end}; ${base} += gridDim.${c} * blockDim.${c} * alpaka_elements${axis}) {`,
      );
      this.line(`const uint32_t ${label}_chunk${axis} = min(${base} + alpaka_elements${axis}, ${end});`);
      open(`for (uint32_t ${name} = ${base}; ${name} < ${label}_chunk${axis}; ++${name}) {`);
    };
    this.line('{');
    this.indentation += 1;
    switch (statement.helper) {
      case 'uniformElements':
      case 'uniformElementsAlong': {
        const [first, extent] = args.length === 2 ? args : ['0u', args[0]];
        elementsAlong(statement.dimension, first ?? '0u', extent ?? '0u', variable);
        break;
      }
      case 'uniformElementsND':
        args.forEach((extent, axis) => {
          elementsAlong(axis, '0u', extent, cppName(`${statement.variable}$${axis}`));
        });
        break;
      case 'uniformGroups':
        this.line(`const uint32_t ${label}_size = blockDim.x * alpaka_elements0;`);
        this.line(`const uint32_t ${label}_groups = (${args[0]} + ${label}_size - 1u) / ${label}_size;`);
        open(`for (uint32_t ${variable} = blockIdx.x; ${variable} < ${label}_groups; ${variable} += gridDim.x) {`);
        break;
      case 'uniformGroupElements': {
        this.line(`const uint32_t ${label}_size = blockDim.x * alpaka_elements0;`);
        this.line(`const uint32_t ${label}_first = ${args[0]} * ${label}_size;`);
        this.line(`const uint32_t ${label}_end = min(${label}_first + ${label}_size, ${args[1]});`);
        if (this.oneElementPerThread) {
          open(
            `for (uint32_t ${label}_global = ${label}_first + threadIdx.x; ${label}_global < ${label}_end; ${label}_global += ${label}_size) {`,
          );
        } else {
          open(
            `for (uint32_t ${label}_base = ${label}_first + threadIdx.x * alpaka_elements0; ${label}_base < ${label}_end; ${label}_base += ${label}_size) {`,
          );
          open(
            `for (uint32_t ${label}_global = ${label}_base; ${label}_global < min(${label}_base + alpaka_elements0, ${label}_end); ++${label}_global) {`,
          );
        }
        this.line(
          `const uint32_t ${cppName(`${statement.variable}$global`)} = ${label}_global, ${cppName(`${statement.variable}$local`)} = ${label}_global - ${label}_first;`,
        );
        break;
      }
      case 'independentGroups':
        this.line(`const uint32_t ${label}_groups = ${args[0]};`);
        open(`for (uint32_t ${variable} = blockIdx.x; ${variable} < ${label}_groups; ${variable} += gridDim.x) {`);
        break;
      case 'independentGroupElements': {
        const [first, extent] = args.length === 2 ? args : ['0u', args[0]];
        this.line(`const uint32_t ${label}_end = ${extent};`);
        if (this.oneElementPerThread) {
          open(
            `for (uint32_t ${variable} = ${first} + threadIdx.x; ${variable} < ${label}_end; ${variable} += blockDim.x) {`,
          );
        } else {
          open(
            `for (uint32_t ${label}_base = ${first} + threadIdx.x * alpaka_elements0; ${label}_base < ${label}_end; ${label}_base += blockDim.x * alpaka_elements0) {`,
          );
          open(
            `for (uint32_t ${variable} = ${label}_base; ${variable} < min(${label}_base + alpaka_elements0, ${label}_end); ++${variable}) {`,
          );
        }
        break;
      }
    }
    this.loops.unshift(label);
    this.statements(statement.body);
    this.loops.shift();
    for (let index = 0; index < closings; index++) {
      this.indentation -= 1;
      this.line('}');
    }
    this.indentation -= 1;
    this.line('}');
    if (this.usedLabels.has(label)) this.line(`${label}: ;`);
  }

  private components(expression: Expression): string[] {
    switch (expression.kind) {
      case 'variable':
        return Array.from({ length: this.dimension }, (_, axis) => cppName(`${expression.name}$${axis}`));
      case 'vectorLiteral':
        return expression.components.map((component) => this.expression(component));
      case 'index3':
        return Array.from({ length: this.dimension }, (_, axis) => {
          const c = this.component(axis);
          const { query, origin, unit } = expression;
          if (query === 'getIdx') {
            if (origin === 'block') return `threadIdx.${c}`;
            return unit === 'blocks' ? `blockIdx.${c}` : `(blockIdx.${c} * blockDim.${c} + threadIdx.${c})`;
          }
          if (origin === 'grid' && unit === 'blocks') return `gridDim.${c}`;
          if (origin === 'block' && unit === 'threads') return `blockDim.${c}`;
          if (origin === 'thread') return `alpaka_elements${axis}`;
          if (origin === 'grid' && unit === 'threads') return `(gridDim.${c} * blockDim.${c})`;
          if (origin === 'block') return `(blockDim.${c} * alpaka_elements${axis})`;
          return `(gridDim.${c} * blockDim.${c} * alpaka_elements${axis})`;
        });
      default:
        throw new Error(`internal error: ${expression.kind} is not a vector`);
    }
  }

  private expression(expression: Expression, valueUsed = true): string {
    const type = scalarOf(expression.type);
    switch (expression.kind) {
      case 'literal':
        return literal(expression.value, type);
      case 'variable':
        return cppName(expression.name);
      case 'component': {
        const components = this.components(expression.base);
        if (expression.index.kind === 'literal') return components[expression.index.value] ?? '0u';
        const index = this.expression(expression.index);
        return `(${components.map((component, axis) => (axis === components.length - 1 ? component : `${index} == ${axis} ? ${component} : `)).join('')})`;
      }
      case 'field':
        if (expression.base.kind !== 'variable')
          throw new Error('internal error: element index fields are read from the loop variable');
        return cppName(`${expression.base.name}$${expression.field}`);
      case 'index':
        if (this.boundsChecks)
          return `alpaka_bounded_load(${this.boundedArguments(expression.array, expression.index)})`;
        return `${this.expression(expression.array)}[${this.expression(expression.index)}]`;
      case 'viewField': {
        const member = `${this.expression(expression.view)}.${cppName(expression.field)}`;
        if (!expression.coefficient) return member;
        return `(${member} + (size_t)(${this.expression(expression.coefficient)}) * ${member}_stride)`;
      }
      case 'viewSize':
        return `${this.expression(expression.view)}.size`;
      case 'binary':
        return binary(expression.operator, this.expression(expression.left), this.expression(expression.right), type);
      case 'integerDivide':
        return `alpaka_div_${type}(${this.expression(expression.left)}, ${this.expression(expression.right)})`;
      case 'compare':
        return `(${this.expression(expression.left)} ${expression.operator} ${this.expression(expression.right)})`;
      case 'logical':
        return `(${this.expression(expression.left)} ${expression.operator} ${this.expression(expression.right)})`;
      case 'unary': {
        const operand = this.expression(expression.operand);
        if (expression.operator === '!') return `(!${operand})`;
        if (expression.operator === '~') return `(~${operand})`;
        if (expression.operator === '-')
          return isFloat(type)
            ? `(-${operand})`
            : type === 'u32'
              ? `(0u - ${operand})`
              : `((int32_t)(0u - (uint32_t)(${operand})))`;
        return operand;
      }
      case 'conditional':
        return `(${this.expression(expression.test)} ? ${this.expression(expression.consequent)} : ${this.expression(expression.alternate)})`;
      case 'convert':
        return convert(this.expression(expression.value), scalarOf(expression.value.type), type);
      case 'math':
        return math(
          expression.function,
          expression.arguments.map((argument) => this.expression(argument)),
          type,
        );
      case 'index3':
      case 'vectorLiteral':
        throw new Error('internal error: a vector used as a number');
      case 'once': {
        const threadZero = [0, 1, 2].map((axis) => `threadIdx.${axisNames[axis]} == 0`);
        const blockZero = [0, 1, 2].map((axis) => `blockIdx.${axisNames[axis]} == 0`);
        return `(${(expression.scope === 'grid' ? [...blockZero, ...threadZero] : threadZero).join(' && ')})`;
      }
      case 'syncPredicate':
        return `__syncthreads_${expression.reduction}(${this.expression(expression.predicate)})`;
      case 'atomic': {
        const array = this.expression(expression.array);
        const operands = expression.operands.map((operand) => this.expression(operand));
        if (this.boundsChecks) {
          // The address once, then the atomic only when it is in range (a skipped atomic returns 0).
          const element = expression.array.type.kind === 'array' ? cTypeOf(expression.array.type.element) : 'uint32_t';
          const checked = `alpaka_bounded_address(${this.boundedArguments(expression.array, expression.index)})`;
          const call = `alpaka_atomic_${expression.operation.toLowerCase()}(${['alpaka_address', ...operands].join(', ')})`;
          return `([&]() -> ${element} { ${element}* const alpaka_address = ${checked}; return alpaka_address ? ${call} : ${element}(0); }())`;
        }
        const address = `&${array}[${this.expression(expression.index)}]`;
        // Every hierarchy uses device-scope atomics: correct for all three, faster block scopes are an optimisation left for later.
        return `alpaka_atomic_${expression.operation.toLowerCase()}(${[address, ...operands].join(', ')})`;
      }
      case 'warp':
        return this.warp(expression);
      case 'assign':
        return this.assignment(expression, valueUsed);
      case 'call': {
        const args = expression.arguments.map((argument) =>
          this.boundsChecks && argument.type.kind === 'array'
            ? `${this.expression(argument)}, ${this.arrayExtent(argument)}`
            : this.expression(argument),
        );
        if (this.boundsChecks) args.push(boundsRecordName);
        return `${this.functionName(expression.function)}(${args.join(', ')})`;
      }
      case 'sequence':
        return `(${expression.expressions.map((part, index) => this.expression(part, index === expression.expressions.length - 1 ? valueUsed : false)).join(', ')})`;
    }
  }

  private warp(expression: Extract<Expression, { kind: 'warp' }>): string {
    const args = expression.arguments.map((argument) => this.expression(argument));
    const cuda = this.dialect === 'cuda';
    switch (expression.operation) {
      case 'getSize':
        return 'warpSize';
      case 'activeMask':
        return 'alpaka_warp_mask()';
      case 'all':
      case 'any':
        return cuda
          ? `__${expression.operation}_sync(alpaka_warp_mask(), ${args[0]})`
          : `__${expression.operation}(${args[0]})`;
      case 'ballot':
        return cuda ? `__ballot_sync(alpaka_warp_mask(), ${args[0]})` : `((uint32_t)__ballot(${args[0]}))`;
      default: {
        const suffix = { shfl: '', shflUp: '_up', shflDown: '_down', shflXor: '_xor' }[expression.operation];
        const width = args[2] ?? 'warpSize';
        return cuda
          ? `__shfl${suffix}_sync(alpaka_warp_mask(), ${args[0]}, ${args[1]}, ${width})`
          : `__shfl${suffix}(${args[0]}, ${args[1]}, ${width})`;
      }
    }
  }

  /** The extent an array expression's accesses are checked against, as C++ (a u32). */
  private arrayExtent(array: Expression): string {
    if (array.kind === 'viewField') {
      const view = this.expression(array.view);
      const field =
        array.view.type.kind === 'view'
          ? array.view.type.layout.fields.find((candidate) => candidate.name === array.field)
          : undefined;
      if (field?.kind === 'scalar') return '1u';
      if (field?.kind === 'arrayColumn') return `(${view}.size * ${field.length}u)`;
      return `${view}.size`;
    }
    if (array.kind !== 'variable') throw new Error(`internal error: an array from ${array.kind}`);
    const shared = this.ir.shared.find((candidate) => candidate.name === array.name);
    if (shared && !this.declaringFunction) {
      return shared.length === undefined
        ? `(alpaka_dynamic_shared_bytes / (uint32_t)sizeof(${cTypeOf(shared.element)}))`
        : `${shared.length}u`;
    }
    return lengthName(cppName(array.name));
  }

  /** True while a device function is declared or written (its arrays are parameters with lengths). */
  private get declaringFunction(): boolean {
    return this.deviceFunction !== undefined;
  }

  /** array, index, extent, site, record: the arguments every alpaka_bounded_* helper takes. */
  private boundedArguments(array: Expression, index: Expression): string {
    const site = this.sites.add(array, index.type, { kernel: this.ir, deviceFunction: this.deviceFunction });
    return `${this.expression(array)}, ${this.expression(index)}, ${this.arrayExtent(array)}, ${site}u, ${boundsRecordName}`;
  }

  private assignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): string {
    if (this.boundsChecks && expression.target.kind === 'index') return this.checkedAssignment(expression, valueUsed);
    const target = this.expression(expression.target);
    const targetType = scalarOf(expression.type);
    if (expression.operator === '=') return `(${target} = ${this.expression(expression.value)})`;
    const valueType = scalarOf(expression.value.type);
    const shift = expression.operator === '<<' || expression.operator === '>>' || expression.operator === '>>>';
    const computeType: ScalarType = shift ? (targetType === 'u32' ? 'u32' : 'i32') : valueType;
    const computed = binary(
      expression.operator,
      convert(target, targetType, computeType),
      this.expression(expression.value),
      computeType,
    );
    const newValue = convert(computed, computeType, targetType);
    if (expression.returnsOld && valueUsed) return `alpaka_exchange(${target}, ${newValue})`;
    return `(${target} = ${newValue})`;
  }

  /** An assignment to an array element, bounds-checked: a dropped store, and 0 for a skipped read. */
  private checkedAssignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): string {
    const target = expression.target as Extract<Expression, { kind: 'index' }>;
    const targetType = scalarOf(expression.type);
    const store = (value: string) =>
      `alpaka_bounded_store(${this.boundedArguments(target.array, target.index)}, ${value})`;
    if (expression.operator === '=') return store(this.expression(expression.value));
    const valueType = scalarOf(expression.value.type);
    const shift = expression.operator === '<<' || expression.operator === '>>' || expression.operator === '>>>';
    const computeType: ScalarType = shift ? (targetType === 'u32' ? 'u32' : 'i32') : valueType;
    const current = `alpaka_bounded_load(${this.boundedArguments(target.array, target.index)})`;
    const computed = binary(
      expression.operator,
      convert(current, targetType, computeType),
      this.expression(expression.value),
      computeType,
    );
    const newValue = convert(computed, computeType, targetType);
    if (expression.returnsOld && valueUsed)
      return `alpaka_bounded_exchange(${this.boundedArguments(target.array, target.index)}, ${newValue})`;
    return store(newValue);
  }
}

export function emitCpp(
  ir: KernelIR,
  dimension: number,
  dialect: CppDialect,
  oneElementPerThread = false,
  boundsChecks = false,
): CppKernelSource {
  return new CppEmitter(ir, dimension, dialect, oneElementPerThread, boundsChecks).emit();
}

/** The built-in C++ emitters; `prelude` starts every module, then each kernel's `code` follows. */
export const cudaEmitter = {
  target: 'cuda',
  version: '1',
  prelude: cppPrelude('cuda'),
  emit: (ir: KernelIR, options: EmitOptions): CppKernelSource =>
    emitCpp(ir, options.dimension, 'cuda', false, options.boundsChecks === true),
};
export const hipEmitter = {
  target: 'hip',
  version: '1',
  prelude: cppPrelude('hip'),
  emit: (ir: KernelIR, options: EmitOptions): CppKernelSource =>
    emitCpp(ir, options.dimension, 'hip', false, options.boundsChecks === true),
};
