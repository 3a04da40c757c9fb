import type { Expression, KernelIR } from '../../ir';
import { isFloat } from '../../types';
import { TextEmitter } from '../text-emitter';
import { boundsRecordName, lengthName } from './cpp-bounds';
import { axisNames, cppName, cTypeOf, scalarOf } from './cpp-names';
import { binary, convert, literal, math } from './cpp-operators';
import type { CppDialect } from './cpp-prelude';

/**
 * The C++ emitter's state and its expressions: index queries as CUDA's built-in variables, array and view
 * accesses (bounds-checked ones through the alpaka_bounded_* helpers), atomics, warp operations and device
 * function calls. The layers above (assignment, loop helpers, statements, then CppEmitter itself) each add one
 * concept.
 */
export abstract class CppExpressions extends TextEmitter {
  /** Labels a break jumps to; a label nothing jumps to is not written (nvcc warns about it). */
  protected readonly usedLabels = new Set<string>();
  /** The entry's name: device functions are named after it, so two specialisations in one module never collide. */
  protected entry = '';

  constructor(
    protected readonly ir: KernelIR,
    protected readonly dimension: number,
    protected readonly dialect: CppDialect,
    /** Compile for one element per thread (the GPU work division's): loop helpers lose their chunk loops. */
    protected readonly oneElementPerThread = false,
    /** The bounds-checked variant: an entry of its own (`_bc`), with the hidden parameters it needs. */
    protected readonly boundsChecks = false,
  ) {
    super(0);
  }

  /** The CUDA component (x, y, z) of alpaka axis `axis`. */
  protected component(axis: number): string {
    return axisNames[this.dimension - 1 - axis] ?? 'x';
  }

  protected functionName(id: string): string {
    return `fn_${this.entry}__${id}`;
  }

  protected components(expression: Expression): string[] {
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

  protected override expression(expression: Expression, valueUsed = true): string {
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

  protected warp(expression: Extract<Expression, { kind: 'warp' }>): string {
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
  protected arrayExtent(array: Expression): string {
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
  protected get declaringFunction(): boolean {
    return this.deviceFunction !== undefined;
  }

  /** array, index, extent, site, record: the arguments every alpaka_bounded_* helper takes. */
  protected boundedArguments(array: Expression, index: Expression): string {
    const site = this.sites.add(array, index.type, { kernel: this.ir, deviceFunction: this.deviceFunction });
    return `${this.expression(array)}, ${this.expression(index)}, ${this.arrayExtent(array)}, ${site}u, ${boundsRecordName}`;
  }

  protected abstract assignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): string;
}
