import { elementTypes } from '@alpaka-ts/interface';
import type { BoundsSite } from '../../bounds/bounds-sites';
import type { EmitOptions } from '../../emit-options';
import type { Expression, KernelIR, KernelParameterIR, Statement } from '../../ir';
import { isFloat } from '../../types';
import { TextEmitter } from '../text-emitter';
import {
  boundsViolationHelper,
  checkedAtomic,
  checkedLoad,
  checkedWrite,
  siteIndex,
  uncheckedLoad,
} from './javascript-bounds';
import {
  binaryCode,
  convertCode,
  type ExpressionEmitter,
  formatNumber,
  generated,
  mathCode,
  scalarOf,
  vectorComponents,
  wrapInteger,
} from './javascript-expressions';

// Atomics on a CPU backend with one thread per block are plain read-modify-writes; the typed array's
// store performs the C conversion to the element type.
const atomicHelpers = `
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

export interface JavaScriptKernelSource {
  /** The source of a function body that returns the kernel function (for new Function). */
  readonly source: string;
  readonly dimension: number;
  /** Bounds-checked code: each access site, by the number the bounds record holds (empty without checks). */
  readonly boundsSites: readonly BoundsSite[];
}

/**
 * Emits JavaScript for CPU backends with one thread per block (serial_sync): a function that loops over
 * the blocks of the grid and, inside, runs the body with each acc loop helper lowered to counted loops
 * over the block's elements. Kernel signature: (args, workDivision, dynamicShared, checks).
 */
export class JavaScriptEmitter extends TextEmitter implements ExpressionEmitter {
  constructor(
    private readonly ir: KernelIR,
    private readonly dimension: number,
    /** Emit the bounds-checked variant: the kernel function takes the bounds record as a fifth argument. */
    private readonly boundsChecks = false,
  ) {
    // The kernel function is returned from the function new Function makes: its body starts one level in.
    super(1);
  }

  emit(): JavaScriptKernelSource {
    const { ir, dimension } = this;
    this.line(
      `return function ${ir.name}$${dimension}d${this.boundsChecks ? '$checked' : ''}($$args, $$division, $$dynamicShared, $$checks, $$bounds) {`,
    );
    this.indentation += 1;
    // Where the per-site index temporaries are declared, once every site is known.
    const temporariesAt = this.lines.length;
    if (this.boundsChecks) this.line(boundsViolationHelper);
    for (let axis = 0; axis < dimension; axis++) {
      this.line(
        `const ${generated.blocks(axis)} = $$division.blocksPerGrid[${axis}], ${generated.elements(axis)} = $$division.elementsPerThread[${axis}];`,
      );
      this.line(`const ${generated.gridElements(axis)} = ${generated.blocks(axis)} * ${generated.elements(axis)};`);
    }
    for (const parameter of ir.parameters) {
      if (parameter.value !== undefined) continue; // specialised: every use is a literal
      this.line(
        `${parameter.type.kind === 'scalar' ? 'let' : 'const'} ${parameter.local} = $$args[${JSON.stringify(parameter.name)}];`,
      );
      this.viewLocals(parameter);
    }
    // Device functions are closures of the kernel function, so acc calls inside them see the block indices.
    for (const deviceFunction of ir.functions) {
      this.line(
        `const $$fn_${deviceFunction.id} = (${deviceFunction.parameters.map((parameter) => parameter.local).join(', ')}) => {`,
      );
      this.indentation += 1;
      for (const parameter of deviceFunction.parameters) this.viewLocals(parameter);
      this.inFunction = true;
      this.deviceFunction = deviceFunction;
      this.statements(deviceFunction.body);
      this.inFunction = false;
      this.deviceFunction = undefined;
      this.indentation -= 1;
      this.line('};');
    }
    for (const shared of ir.shared) {
      // The interface's element types know their host arrays (bool is a Uint8Array).
      const arrayType = elementTypes[shared.element].arrayConstructor.name;
      const size = `${arrayType}.BYTES_PER_ELEMENT`;
      this.line(
        shared.length === undefined
          ? `const ${shared.name} = new ${arrayType}($$dynamicShared, 0, Math.floor($$dynamicShared.byteLength / ${size}));`
          : `const ${shared.name} = new ${arrayType}(${shared.length});`,
      );
    }
    this.line('let $$old;');
    for (let axis = 0; axis < dimension; axis++) {
      const label = axis === dimension - 1 ? '$$block: ' : '';
      this.line(
        `${label}for (let ${generated.block(axis)} = 0; ${generated.block(axis)} < ${generated.blocks(axis)}; ${generated.block(axis)}++) {`,
      );
      this.indentation += 1;
    }
    this.statements(ir.body);
    for (let axis = 0; axis < dimension; axis++) {
      this.indentation -= 1;
      this.line('}');
    }
    this.indentation -= 1;
    this.line('};');
    const sites = this.sites.list;
    if (sites.length > 0)
      this.lines.splice(temporariesAt, 0, `    let ${sites.map((_site, index) => siteIndex(index)).join(', ')};`);
    return {
      source: `'use strict';\n${atomicHelpers}${this.lines.join('\n')}\n`,
      dimension,
      boundsSites: sites,
    };
  }

  /** A view's fields as locals (`v$$x`), read once, so loops index typed arrays, not object properties. */
  private viewLocals(parameter: KernelParameterIR): void {
    if (parameter.type.kind !== 'view') return;
    const fields = [...parameter.type.layout.fields.map((field) => field.name), 'size'];
    this.line(
      `const ${fields.map((field) => `${viewLocal(parameter.local, field)} = ${parameter.local}.${field}`).join(', ')};`,
    );
  }

  protected override statement(statement: Statement): void {
    switch (statement.kind) {
      case 'declare': {
        const keyword = statement.constant ? 'const' : 'let';
        if (statement.type.kind === 'vector' && statement.init) {
          const components = this.components(statement.init);
          this.line(
            `${keyword} ${components.map((component, axis) => `${generated.component(statement.name, axis)} = ${component}`).join(', ')};`,
          );
        } else {
          this.line(`${keyword} ${statement.name} = ${statement.init ? this.expression(statement.init) : '0'};`);
        }
        return;
      }
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
      case 'switch':
        this.line(`switch (${this.expression(statement.discriminant)}) {`);
        this.indentation += 1;
        for (const switchCase of statement.cases) {
          const label = switchCase.test === undefined ? 'default' : `case ${formatNumber(switchCase.test)}`;
          // A break in a case leaves the switch, not an enclosing loop helper.
          this.block(`${label}:`, switchCase.body, undefined);
        }
        this.indentation -= 1;
        this.line('}');
        return;
      case 'break': {
        const label = this.loops[0];
        this.line(label ? `break ${label};` : 'break;');
        return;
      }
      case 'continue':
        this.line('continue;');
        return;
      case 'return':
        if (this.inFunction) this.line(statement.value ? `return ${this.expression(statement.value)};` : 'return;');
        // One thread per block: the thread returning ends the block.
        else this.line('continue $$block;');
        return;
      case 'sync':
      case 'fence':
        // One thread per block and in-order execution: nothing to wait for or to order.
        return;
      case 'check':
        this.line(
          `if (!(${this.expression(statement.condition)})) { if ($$checks[0] === 0) $$checks[1] = ${statement.id + 1}; $$checks[0]++; }`,
        );
        return;
      case 'block':
        this.block('', statement.body, null);
        return;
    }
  }

  private loopHelper(statement: Extract<Statement, { kind: 'loopHelper' }>): void {
    const label = `$$loop${this.labels++}`;
    const args = statement.arguments.map((argument) => this.expression(argument));
    const variable = statement.variable;
    const open = (text: string) => {
      this.line(text);
      this.indentation += 1;
    };
    let closings = 0;
    const openCounted = (text: string) => {
      open(text);
      closings += 1;
    };
    const elementsAlong = (axis: number, first: string, extent: string, name: string, labelled: boolean) => {
      const end = `$$end${label}_${axis}`;
      const base = `$$base${label}_${axis}`;
      const chunkEnd = `$$chunkEnd${label}_${axis}`;
      this.line(`const ${end} = ${extent};`);
      openCounted(
        `${labelled ? `${label}: ` : ''}for (let ${base} = ${first} + ${generated.block(axis)} * ${generated.elements(axis)}; ${base} < ${end}; ${base} += ${generated.gridElements(axis)}) {`,
      );
      this.line(`const ${chunkEnd} = Math.min(${base} + ${generated.elements(axis)}, ${end});`);
      openCounted(`for (let ${name} = ${base}; ${name} < ${chunkEnd}; ${name}++) {`);
    };
    this.line('{');
    this.indentation += 1;
    switch (statement.helper) {
      case 'uniformElements':
      case 'uniformElementsAlong': {
        const [first, extent] = args.length === 2 ? args : ['0', args[0]];
        elementsAlong(statement.dimension, first ?? '0', extent ?? '0', variable, true);
        break;
      }
      case 'uniformElementsND':
        args.forEach((extent, axis) => {
          elementsAlong(axis, '0', extent, generated.component(variable, axis), axis === 0);
        });
        break;
      case 'uniformGroups':
        this.line(`const $$groups${label} = Math.ceil(${args[0]} / ${generated.elements(0)});`);
        openCounted(
          `${label}: for (let ${variable} = ${generated.block(0)}; ${variable} < $$groups${label}; ${variable} += ${generated.blocks(0)}) {`,
        );
        break;
      case 'uniformGroupElements': {
        this.line(`const $$first${label} = ${args[0]} * ${generated.elements(0)};`);
        this.line(`const $$end${label} = Math.min($$first${label} + ${generated.elements(0)}, ${args[1]});`);
        openCounted(
          `${label}: for (let $$global${label} = $$first${label}; $$global${label} < $$end${label}; $$global${label}++) {`,
        );
        this.line(
          `const ${generated.field(variable, 'global')} = $$global${label}, ${generated.field(variable, 'local')} = $$global${label} - $$first${label};`,
        );
        break;
      }
      case 'independentGroups':
        openCounted(
          `${label}: for (let ${variable} = ${generated.block(0)}; ${variable} < ${args[0]}; ${variable} += ${generated.blocks(0)}) {`,
        );
        break;
      case 'independentGroupElements': {
        const [first, extent] = args.length === 2 ? args : ['0', args[0]];
        this.line(`const $$end${label} = ${extent};`);
        openCounted(`${label}: for (let ${variable} = ${first}; ${variable} < $$end${label}; ${variable}++) {`);
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
  }

  components(expression: Expression): string[] {
    return vectorComponents(this, expression, this.dimension);
  }

  expression(expression: Expression, valueUsed = true): string {
    const type = scalarOf(expression.type);
    switch (expression.kind) {
      case 'literal':
        return formatNumber(type === 'f32' ? Math.fround(expression.value) : expression.value);
      case 'variable':
        return expression.name;
      case 'component': {
        const components = this.components(expression.base);
        if (expression.index.kind === 'literal') return components[expression.index.value] ?? 'undefined';
        const index = this.expression(expression.index);
        return `(${components.map((component, axis) => (axis === components.length - 1 ? component : `${index} === ${axis} ? ${component} : `)).join('')})`;
      }
      case 'field':
        if (expression.base.kind !== 'variable')
          throw new Error('internal error: element index fields are read from the loop variable');
        return generated.field(expression.base.name, expression.field);
      case 'index': {
        const array = this.expression(expression.array);
        const index = this.expression(expression.index);
        return this.boundsChecks
          ? checkedLoad(array, index, this.site(expression.array, expression.index))
          : uncheckedLoad(array, index);
      }
      case 'viewField': {
        const local = viewLocal(viewName(expression.view), expression.field);
        return expression.coefficient ? `${local}[${this.expression(expression.coefficient)}]` : local;
      }
      case 'viewSize':
        return viewLocal(viewName(expression.view), 'size');
      case 'binary':
        return binaryCode(
          expression.operator,
          this.expression(expression.left),
          this.expression(expression.right),
          type,
        );
      case 'integerDivide':
        return wrapInteger(`${this.expression(expression.left)} / ${this.expression(expression.right)}`, type);
      case 'compare': {
        const operator =
          expression.operator === '==' ? '===' : expression.operator === '!=' ? '!==' : expression.operator;
        const left = this.expression(expression.left);
        const right = this.expression(expression.right);
        // bool values may be JavaScript booleans or any number; compare them as C does, as 0 or 1.
        if (scalarOf(expression.left.type) === 'bool') return `(+!!${left} ${operator} +!!${right})`;
        return `(${left} ${operator} ${right})`;
      }
      case 'logical':
        return `(${this.expression(expression.left)} ${expression.operator} ${this.expression(expression.right)})`;
      case 'unary': {
        const operand = this.expression(expression.operand);
        if (expression.operator === '!') return `(!${operand})`;
        if (expression.operator === '~') return type === 'u32' ? `(~${operand} >>> 0)` : `(~${operand})`;
        if (expression.operator === '-') return isFloat(type) ? `(-${operand})` : wrapInteger(`-${operand}`, type);
        return operand;
      }
      case 'conditional':
        return `(${this.expression(expression.test)} ? ${this.expression(expression.consequent)} : ${this.expression(expression.alternate)})`;
      case 'convert':
        return convertCode(this.expression(expression.value), scalarOf(expression.value.type), type);
      case 'math':
        return mathCode(
          expression.function,
          expression.arguments.map((argument) => this.expression(argument)),
          type,
        );
      case 'index3':
      case 'vectorLiteral':
        throw new Error('internal error: a vector used as a number');
      case 'once':
        return expression.scope === 'block'
          ? 'true'
          : `(${Array.from({ length: this.dimension }, (_, axis) => `${generated.block(axis)} === 0`).join(' && ')})`;
      case 'syncPredicate':
        return `(${this.expression(expression.predicate)} ? 1 : 0)`;
      case 'atomic': {
        const array = this.expression(expression.array);
        const index = this.expression(expression.index);
        const operands = expression.operands.map((operand) => this.expression(operand));
        const call = (at: string) => `$$atomic${expression.operation}(${[array, at, ...operands].join(', ')})`;
        if (!this.boundsChecks) return call(index);
        return checkedAtomic(array, index, this.site(expression.array, expression.index), call, operands);
      }
      case 'warp':
        if (expression.operation === 'getSize' || expression.operation === 'activeMask') return '1';
        if (expression.operation === 'all' || expression.operation === 'any' || expression.operation === 'ballot')
          return `(${this.expression(expression.arguments[0] as Expression)} ? 1 : 0)`;
        return this.expression(expression.arguments[0] as Expression);
      case 'assign':
        return this.assignment(expression, valueUsed);
      case 'call':
        return `$$fn_${expression.function}(${expression.arguments.map((argument) => this.expression(argument)).join(', ')})`;
      case 'sequence':
        return `(${expression.expressions.map((part, index) => this.expression(part, index === expression.expressions.length - 1 ? valueUsed : false)).join(', ')})`;
    }
  }

  /** Numbers a bounds-checked access of `array` at `index`. */
  private site(array: Expression, index: Expression): number {
    return this.sites.add(array, index.type, { kernel: this.ir, deviceFunction: this.deviceFunction });
  }

  private assignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): string {
    const { target: targetExpression } = expression;
    if (this.boundsChecks && targetExpression.kind === 'index') {
      // The element's reference is written once, inside the range test; the unchecked form is built on it.
      const array = this.expression(targetExpression.array);
      const index = this.expression(targetExpression.index);
      const site = this.site(targetExpression.array, targetExpression.index);
      const value = this.expression(expression.value);
      return checkedWrite(
        array,
        index,
        site,
        (element) => this.assignmentTo(expression, element, valueUsed),
        `${value}, 0`,
      );
    }
    // Written to, so never the load's `?? 0` form: a plain element reference.
    const target =
      targetExpression.kind === 'index'
        ? `${this.expression(targetExpression.array)}[${this.expression(targetExpression.index)}]`
        : this.expression(targetExpression);
    return this.assignmentTo(expression, target, valueUsed);
  }

  private assignmentTo(
    expression: Extract<Expression, { kind: 'assign' }>,
    target: string,
    valueUsed: boolean,
  ): string {
    const targetType = scalarOf(expression.type);
    if (expression.operator === '=') return `(${target} = ${this.expression(expression.value)})`;
    if (
      expression.target.kind === 'index' &&
      (!isSideEffectFree(expression.target.index) || !isSideEffectFree(expression.target.array))
    ) {
      throw new Error(
        `kernel '${this.ir.name}': a compound assignment to an array element needs an index without side effects; compute the index into a const first.`,
      );
    }
    const valueType = scalarOf(expression.value.type);
    const computeType =
      expression.operator === '<<' || expression.operator === '>>' || expression.operator === '>>>'
        ? targetType === 'u32'
          ? 'u32'
          : 'i32'
        : valueType;
    const computed = binaryCode(
      expression.operator,
      convertCode(target, targetType, computeType),
      this.expression(expression.value),
      computeType,
    );
    const stored = `${target} = ${convertCode(computed, computeType, targetType)}`;
    if (expression.returnsOld && valueUsed) return `($$old = ${target}, ${stored}, $$old)`;
    return `(${stored})`;
  }
}

const viewLocal = (view: string, field: string): string => `${view}$$${field}`;

function viewName(view: Expression): string {
  if (view.kind !== 'variable') throw new Error('internal error: a view is always a parameter');
  return view.name;
}

function isSideEffectFree(expression: Expression): boolean {
  switch (expression.kind) {
    case 'literal':
    case 'variable':
      return true;
    case 'binary':
    case 'compare':
      return isSideEffectFree(expression.left) && isSideEffectFree(expression.right);
    case 'convert':
      return isSideEffectFree(expression.value);
    case 'component':
      return isSideEffectFree(expression.index);
    case 'field':
      return true;
    case 'viewField':
      return expression.coefficient === undefined || isSideEffectFree(expression.coefficient);
    default:
      return false;
  }
}

export function emitJavaScript(ir: KernelIR, dimension: number, boundsChecks = false): JavaScriptKernelSource {
  return new JavaScriptEmitter(ir, dimension, boundsChecks).emit();
}

/** The built-in emitter for CPU backends with one thread per block. */
export const javaScriptEmitter = {
  target: 'javascript',
  version: '2',
  emit: (ir: KernelIR, options: EmitOptions): JavaScriptKernelSource =>
    emitJavaScript(ir, options.dimension, options.boundsChecks === true),
};
