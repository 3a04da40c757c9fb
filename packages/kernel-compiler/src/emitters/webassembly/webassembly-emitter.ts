import { elementTypes } from '@alpaka-ts/interface';
import { type BoundsSite, BoundsSites } from '../../bounds/bounds-sites';
import type { EmitOptions } from '../../emit-options';
import type { Expression, FunctionIR, KernelIR, KernelParameterIR, Statement } from '../../ir';
import { isFloat, type ScalarType, type ValueType } from '../../types';
import { encodeModule, type FunctionBody, type ValueKind } from './binary-writer';
import { type Binding, FunctionBuilder } from './function-builder';
import { emitMath } from './math';
import { binary, compareOpcode, convert, guardedDivision, ImportTable, kindOf } from './numeric';
import { memoryAccess, numeric, op, opcodeOf } from './opcodes';
import { type GuardedElement, guardElement, unguardedElement } from './webassembly-bounds';
import { emitLoopHelper, type LoopContext } from './webassembly-loops';

/** The largest shared WebAssembly memory: 4 GiB, the reach of 32-bit addresses. */
export const maximumMemoryPages = 65536;

export interface WebAssemblyKernelModule {
  readonly bytes: Uint8Array;
  readonly imports: ImportTable['imports'];
  readonly dimension: number;
  /** Bytes of static shared memory the entry expects at its shared address (16-byte aligned arrays). */
  readonly staticSharedBytes: number;
  /** The entry's kernel parameters in order (specialised constants have none). */
  readonly parameters: readonly KernelParameterIR[];
  /** Bounds-checked code: each access site, by the number the bounds record holds (empty without checks). */
  readonly boundsSites: readonly BoundsSite[];
}

const scalarOf = (type: ValueType): ScalarType => (type.kind === 'scalar' ? type.scalar : 'f64');
// The interface's element types know their sizes (bool is one byte, a Uint8Array on the host).
const elementBytes = (element: ScalarType): number => elementTypes[element].byteSize;
const loadOf = (element: ScalarType) =>
  memoryAccess.load[element === 'bool' ? 'u8' : element === 'u32' ? 'i32' : element];
const storeOf = (element: ScalarType) =>
  memoryAccess.store[
    element === 'bool' || element === 'u8' || element === 'i8'
      ? 'i8'
      : element === 'u16' || element === 'i16'
        ? 'i16'
        : element === 'u32'
          ? 'i32'
          : element
  ];

/**
 * WebAssembly kinds a parameter of `type` occupies: arrays pass their address and length (accesses are guarded),
 * views their field addresses, matrix strides, then the size.
 */
function parameterKinds(type: ValueType): ValueKind[] {
  if (type.kind === 'scalar') return [kindOf(type.scalar)];
  if (type.kind === 'array') return ['i32', 'i32'];
  if (type.kind === 'view') {
    const matrices = type.layout.fields.filter((field) => field.kind === 'matrixColumn').length;
    return new Array(type.layout.fields.length + matrices + 1).fill('i32');
  }
  throw new Error(`internal error: a ${type.kind} parameter`);
}

/**
 * Emits a WebAssembly module for CPU backends with one thread per block, with the JavaScript emitter's
 * results: the entry `kernel` loops over the grid's blocks and runs the body with each loop helper lowered to
 * counted loops. Arrays and views are addresses in one shared memory that the module imports; the launch
 * geometry, the shared-memory addresses and the check buffer are globals, so device functions read them too.
 */
export class WebAssemblyEmitter implements LoopContext {
  readonly imports = new ImportTable();
  private readonly functions: FunctionBody[] = [];
  private readonly functionIndices = new Map<string, number>();
  private readonly sharedOffsets = new Map<string, number>();
  private staticSharedBytes = 0;
  builder!: FunctionBuilder;
  private inFunction = false;
  /** The device function being written, for the names of bounds sites. */
  private deviceFunctionIR: FunctionIR | undefined;
  private readonly sites = new BoundsSites();

  constructor(
    private readonly ir: KernelIR,
    readonly dimension: number,
    /** Emit the bounds-checked variant, which records the first out-of-range access at the bounds address. */
    private readonly boundsChecks = false,
    /** Accesses emitted without a guard (EmitOptions.unguardedAccesses); never with bounds checks. */
    private readonly unguardedAccesses: ReadonlySet<Expression> = new Set(),
  ) {}

  // Globals: shared base, dynamic shared base, checks, dynamic shared bytes, bounds record, then per axis block
  // index, blocks, elements.
  readonly globals = {
    shared: 0,
    dynamicShared: 1,
    checks: 2,
    dynamicSharedBytes: 3,
    bounds: 4,
    block: (axis: number) => 5 + axis,
    blocks: (axis: number) => 5 + this.dimension + axis,
    elements: (axis: number) => 5 + 2 * this.dimension + axis,
  };

  emit(): WebAssemblyKernelModule {
    const { ir, dimension } = this;
    for (const shared of ir.shared) {
      if (shared.length === undefined) continue;
      this.sharedOffsets.set(shared.name, this.staticSharedBytes);
      this.staticSharedBytes += Math.ceil((shared.length * elementBytes(shared.element)) / 16) * 16;
    }
    ir.functions.forEach((deviceFunction, index) => {
      this.functionIndices.set(deviceFunction.id, index);
    });
    for (const deviceFunction of ir.functions) this.functions.push(this.deviceFunction(deviceFunction));
    const parameters = ir.parameters.filter((parameter) => parameter.value === undefined);
    const entry = this.entry(parameters);
    this.functions.push(entry);
    const bytes = encodeModule({
      memory: { module: 'env', name: 'memory', maximumPages: maximumMemoryPages },
      imports: this.imports.imports,
      functions: this.functions,
      globals: new Array(5 + 3 * dimension).fill('i32'),
      exports: [{ name: 'kernel', function: this.functions.length - 1 }],
    });
    return {
      bytes,
      imports: this.imports.imports,
      dimension,
      staticSharedBytes: this.staticSharedBytes,
      parameters,
      boundsSites: this.sites.list,
    };
  }

  private bindShared(): void {
    for (const shared of this.ir.shared) {
      this.builder.bind(shared.name, { kind: 'sharedArray', offset: this.sharedOffsets.get(shared.name) });
    }
  }

  /** Binds parameters to the function's leading locals, from `first`. */
  private bindParameters(parameters: readonly KernelParameterIR[], first: number): void {
    let local = first;
    for (const parameter of parameters) {
      const { type } = parameter;
      const count = parameterKinds(type).length;
      if (type.kind === 'scalar') this.builder.bind(parameter.local, { kind: 'scalar', local });
      else if (type.kind === 'array') this.builder.bind(parameter.local, { kind: 'array', local, length: local + 1 });
      else if (type.kind === 'view') {
        const fields = new Map<string, { address: number; stride: number | undefined }>();
        let stride = local + type.layout.fields.length;
        type.layout.fields.forEach((field, index) => {
          fields.set(field.name, {
            address: local + index,
            stride: field.kind === 'matrixColumn' ? stride++ : undefined,
          });
        });
        this.builder.bind(parameter.local, { kind: 'view', fields, size: local + count - 1 });
      }
      local += count;
    }
  }

  private deviceFunction(deviceFunction: FunctionIR): FunctionBody {
    const parameters = deviceFunction.parameters.flatMap((parameter) => parameterKinds(parameter.type));
    const results: ValueKind[] = deviceFunction.returns ? [kindOf(deviceFunction.returns)] : [];
    this.builder = new FunctionBuilder({ parameters, results });
    this.bindShared();
    this.bindParameters(deviceFunction.parameters, 0);
    this.inFunction = true;
    this.deviceFunctionIR = deviceFunction;
    this.statements(deviceFunction.body);
    this.inFunction = false;
    this.deviceFunctionIR = undefined;
    // A function that ends without returning gives 0 (C leaves it undefined; JavaScript gives undefined).
    if (deviceFunction.returns) this.builder.constant(kindOf(deviceFunction.returns), 0);
    return this.builder.body();
  }

  private entry(parameters: readonly KernelParameterIR[]): FunctionBody {
    const { dimension, globals } = this;
    const geometry: ValueKind[] = new Array(2 * dimension + 5).fill('i32');
    const builder = new FunctionBuilder({
      parameters: [...geometry, ...parameters.flatMap((parameter) => parameterKinds(parameter.type))],
      results: [],
    });
    this.builder = builder;
    for (let axis = 0; axis < dimension; axis++) {
      builder.get(axis);
      builder.setGlobal(globals.blocks(axis));
      builder.get(dimension + axis);
      builder.setGlobal(globals.elements(axis));
    }
    [globals.shared, globals.dynamicShared, globals.checks, globals.dynamicSharedBytes, globals.bounds].forEach(
      (global, index) => {
        builder.get(2 * dimension + index);
        builder.setGlobal(global);
      },
    );
    this.bindShared();
    this.bindParameters(parameters, geometry.length);
    // for (block0 …) for (block1 …) { body }: a kernel's return ends the block (br to its end).
    const counters = Array.from({ length: dimension }, () => builder.addLocal('i32'));
    for (let axis = 0; axis < dimension; axis++) {
      const counter = counters[axis] as number;
      builder.i32(0);
      builder.set(counter);
      builder.open(op.block);
      builder.open(op.loop);
      builder.get(counter);
      builder.get(axis);
      builder.emit(numeric.i32.geU as number);
      builder.branchTo(1, true);
      builder.get(counter);
      builder.setGlobal(globals.block(axis));
    }
    builder.open(op.block, { endsBlock: true });
    this.statements(this.ir.body);
    builder.close();
    for (let axis = dimension - 1; axis >= 0; axis--) {
      const counter = counters[axis] as number;
      builder.get(counter);
      builder.i32(1);
      builder.emit(numeric.i32.add);
      builder.set(counter);
      builder.branchTo(0, false);
      builder.close();
      builder.close();
    }
    return builder.body();
  }

  // --- statements ---

  statements(statements: readonly Statement[]): void {
    for (const statement of statements) this.statement(statement);
  }

  /** Statements in a scope of their own (a block in JavaScript). */
  scoped(statements: readonly Statement[]): void {
    this.builder.pushScope();
    this.statements(statements);
    this.builder.popScope();
  }

  private statement(statement: Statement): void {
    const builder = this.builder;
    switch (statement.kind) {
      case 'declare':
        this.declare(statement);
        return;
      case 'expression':
        this.effect(statement.expression);
        return;
      case 'if':
        this.expression(statement.test);
        builder.open(op.if);
        this.scoped(statement.consequent);
        if (statement.alternate.length > 0) {
          builder.else();
          this.scoped(statement.alternate);
        }
        builder.close();
        return;
      case 'for':
        builder.pushScope();
        this.statements(statement.init);
        this.loop(statement.test, statement.body, statement.update, true);
        builder.popScope();
        return;
      case 'while':
        this.loop(statement.test, statement.body, undefined, statement.testFirst);
        return;
      case 'loopHelper':
        emitLoopHelper(this, statement);
        return;
      case 'switch':
        this.switchStatement(statement);
        return;
      case 'break':
        builder.branch('breaks');
        return;
      case 'continue':
        builder.branch('continues');
        return;
      case 'return':
        if (this.inFunction) {
          if (statement.value) this.expression(statement.value);
          builder.emit(op.return);
        } else builder.branch('endsBlock'); // one thread per block: the thread returning ends the block
        return;
      case 'sync':
      case 'fence':
        // One thread per block and in-order execution: nothing to wait for or to order.
        return;
      case 'check':
        this.check(statement.condition, statement.id);
        return;
      case 'block':
        this.scoped(statement.body);
        return;
    }
  }

  private declare(statement: Extract<Statement, { kind: 'declare' }>): void {
    const builder = this.builder;
    if (statement.type.kind === 'vector') {
      const locals = Array.from({ length: statement.type.length }, () => builder.addLocal('i32'));
      if (statement.init) {
        const components = this.components(statement.init);
        components.forEach((push, axis) => {
          push();
          builder.set(locals[axis] as number);
        });
      }
      builder.bind(statement.name, { kind: 'vector', locals });
      return;
    }
    const scalarType = scalarOf(statement.type);
    const local = builder.addLocal(kindOf(scalarType));
    if (statement.init) this.expression(statement.init);
    else builder.constant(kindOf(scalarType), 0);
    builder.set(local);
    // Bound after the initialiser, which may read an outer variable of the same name.
    builder.bind(statement.name, { kind: 'scalar', local });
  }

  /**
   * A loop: `block { loop { if (!test) break; block { body } update; br loop } }` (the inner block is where
   * continue goes), or for do-while the test after the body.
   */
  private loop(
    test: Expression | undefined,
    body: readonly Statement[],
    update: Expression | undefined,
    testFirst: boolean,
  ): void {
    const builder = this.builder;
    builder.open(op.block, { breaks: true });
    builder.open(op.loop);
    if (testFirst && test) {
      this.expression(test);
      builder.emit(op.i32Eqz);
      builder.branchTo(1, true);
    }
    builder.open(op.block, { continues: true });
    this.scoped(body);
    builder.close();
    if (update) this.effect(update);
    if (testFirst || !test) builder.branchTo(0, false);
    else {
      this.expression(test);
      builder.branchTo(0, true);
    }
    builder.close();
    builder.close();
  }

  /** C's switch: one block per case, entered by a chain of comparisons; bodies fall through into the next. */
  private switchStatement(statement: Extract<Statement, { kind: 'switch' }>): void {
    const builder = this.builder;
    const { cases } = statement;
    const discriminant = builder.addLocal('i32');
    this.expression(statement.discriminant);
    builder.set(discriminant);
    builder.open(op.block, { breaks: true });
    for (let index = 0; index < cases.length; index++) builder.open(op.block);
    // Inside the innermost block, case k's block is at depth k and the switch's end at depth cases.length.
    cases.forEach((switchCase, index) => {
      if (switchCase.test === undefined) return;
      builder.get(discriminant);
      builder.i32(switchCase.test);
      builder.emit(numeric.i32.eq);
      builder.branchTo(index, true);
    });
    const fallback = cases.findIndex((switchCase) => switchCase.test === undefined);
    builder.branchTo(fallback === -1 ? cases.length : fallback, false);
    for (const switchCase of cases) {
      builder.close();
      this.scoped(switchCase.body);
    }
    builder.close();
  }

  /** acc.check: the first failing check's id + 1 in checks[1], the count of failures in checks[0]. */
  private check(condition: Expression, id: number): void {
    const builder = this.builder;
    const [load, alignment] = memoryAccess.load.i32;
    const [store] = memoryAccess.store.i32;
    this.expression(condition);
    builder.emit(op.i32Eqz);
    builder.open(op.if);
    builder.getGlobal(this.globals.checks);
    builder.memory(load, alignment);
    builder.emit(op.i32Eqz);
    builder.open(op.if);
    builder.getGlobal(this.globals.checks);
    builder.i32(id + 1);
    builder.memory(store, alignment, 4);
    builder.close();
    builder.getGlobal(this.globals.checks);
    builder.getGlobal(this.globals.checks);
    builder.memory(load, alignment);
    builder.i32(1);
    builder.emit(numeric.i32.add);
    builder.memory(store, alignment);
    builder.close();
  }

  // --- expressions ---

  /** An expression whose value is not used: assignments store without keeping the value. */
  effect(expression: Expression): void {
    if (expression.kind === 'assign') {
      this.assignment(expression, false);
      return;
    }
    if (expression.kind === 'sequence') {
      for (const part of expression.expressions) this.effect(part);
      return;
    }
    this.expression(expression);
    if (expression.type.kind !== 'void') this.builder.emit(op.drop);
  }

  /** Pushes the components of a vector-valued expression, one closure per axis. */
  components(expression: Expression): Array<() => void> {
    const builder = this.builder;
    const { globals } = this;
    switch (expression.kind) {
      case 'variable': {
        const binding = builder.lookup(expression.name);
        if (binding.kind !== 'vector') throw new Error(`internal error: '${expression.name}' is not a vector`);
        return binding.locals.map((local) => () => builder.get(local));
      }
      case 'vectorLiteral':
        return expression.components.map((component) => () => this.expression(component));
      case 'index3': {
        const { query, origin, unit } = expression;
        return Array.from({ length: this.dimension }, (_, axis) => () => {
          // One thread per block: the thread index is the block index.
          if (query === 'getIdx') {
            if (origin === 'grid') builder.getGlobal(globals.block(axis));
            else builder.i32(0);
          } else if (origin === 'grid' && (unit === 'blocks' || unit === 'threads'))
            builder.getGlobal(globals.blocks(axis));
          else if (origin === 'block' && unit === 'threads') builder.i32(1);
          else if (unit === 'elems' && origin === 'grid') {
            builder.getGlobal(globals.blocks(axis));
            builder.getGlobal(globals.elements(axis));
            builder.emit(numeric.i32.mul);
          } else builder.getGlobal(globals.elements(axis));
        });
      }
      default:
        throw new Error(`internal error: ${expression.kind} is not a vector`);
    }
  }

  /** Pushes an array expression's base address. */
  private arrayAddress(array: Expression): void {
    const builder = this.builder;
    if (array.kind === 'viewField') {
      const field = this.viewField(array.view, array.field);
      builder.get(field.address);
      if (array.coefficient) {
        this.expression(array.coefficient);
        builder.get(field.stride as number);
        builder.emit(numeric.i32.mul, numeric.i32.add);
      }
      return;
    }
    if (array.kind !== 'variable') throw new Error(`internal error: an array from ${array.kind}`);
    const binding = builder.lookup(array.name);
    if (binding.kind === 'array') builder.get(binding.local);
    else if (binding.kind === 'sharedArray') {
      builder.getGlobal(binding.offset === undefined ? this.globals.dynamicShared : this.globals.shared);
      if (binding.offset) {
        builder.i32(binding.offset);
        builder.emit(numeric.i32.add);
      }
    } else throw new Error(`internal error: '${array.name}' is not an array`);
  }

  private viewField(view: Expression, field: string): { address: number; stride: number | undefined } {
    const binding = this.viewBinding(view);
    const found = binding.fields.get(field);
    if (!found) throw new Error(`internal error: the view has no field '${field}'`);
    return found;
  }

  private viewBinding(view: Expression): Extract<Binding, { kind: 'view' }> {
    if (view.kind !== 'variable') throw new Error('internal error: a view is always a parameter');
    const binding = this.builder.lookup(view.name);
    if (binding.kind !== 'view') throw new Error(`internal error: '${view.name}' is not a view`);
    return binding;
  }

  /** Pushes an array expression's extent in elements (what its accesses are guarded against). */
  private arrayExtent(array: Expression): void {
    const builder = this.builder;
    if (array.kind === 'viewField') {
      const binding = this.viewBinding(array.view);
      const field =
        array.view.type.kind === 'view'
          ? array.view.type.layout.fields.find((candidate) => candidate.name === array.field)
          : undefined;
      if (field?.kind === 'scalar') builder.i32(1);
      else {
        builder.get(binding.size);
        if (field?.kind === 'arrayColumn') {
          builder.i32(field.length);
          builder.emit(numeric.i32.mul);
        }
      }
      return;
    }
    if (array.kind !== 'variable') throw new Error(`internal error: an array from ${array.kind}`);
    const binding = builder.lookup(array.name);
    if (binding.kind === 'array') builder.get(binding.length);
    else if (binding.kind === 'sharedArray') {
      const shared = this.ir.shared.find((candidate) => candidate.name === array.name);
      if (!shared) throw new Error(`internal error: '${array.name}' is not a shared array`);
      if (shared.length !== undefined) builder.i32(shared.length);
      else {
        builder.getGlobal(this.globals.dynamicSharedBytes);
        builder.i32(Math.log2(elementBytes(shared.element)));
        builder.emit(numeric.i32.shrU);
      }
    } else throw new Error(`internal error: '${array.name}' is not an array`);
  }

  /**
   * Computes the address of array[index] (base + index · element size) and whether the index is in range, or only
   * the address for an `access` proven in range (the pre-guard code: what the unguarded variant is for).
   */
  private guardedElement(
    access: Expression,
    array: Expression,
    index: Expression,
    element: ScalarType,
  ): GuardedElement {
    const builder = this.builder;
    const unguarded = !this.boundsChecks && this.unguardedAccesses.has(access);
    const indexLocal = builder.addLocal('i32');
    const extentLocal = unguarded ? undefined : builder.addLocal('i32');
    this.arrayAddress(array);
    this.expression(index);
    builder.set(indexLocal);
    if (extentLocal === undefined) return unguardedElement(builder, indexLocal, elementBytes(element));
    this.arrayExtent(array);
    builder.set(extentLocal);
    const record = this.boundsChecks
      ? {
          boundsGlobal: this.globals.bounds,
          site: this.sites.add(array, index.type, { kernel: this.ir, deviceFunction: this.deviceFunctionIR }),
        }
      : undefined;
    return guardElement(builder, indexLocal, extentLocal, elementBytes(element), record);
  }

  /** Pushes the guarded element's value, or 0 when it is out of range. */
  private guardedLoad(guarded: GuardedElement, element: ScalarType): void {
    const builder = this.builder;
    if (guarded.inRange === undefined) {
      builder.get(guarded.address);
      this.load(element);
      return;
    }
    builder.get(guarded.inRange);
    builder.open(op.if, {}, kindOf(element));
    builder.get(guarded.address);
    this.load(element);
    builder.else();
    builder.constant(kindOf(element), 0);
    builder.close();
  }

  /** Stores local `value` into the guarded element when it is in range (an out-of-range store is dropped). */
  private guardedStore(guarded: GuardedElement, element: ScalarType, value: number): void {
    const builder = this.builder;
    if (guarded.inRange === undefined) {
      builder.get(guarded.address);
      builder.get(value);
      this.store(element);
      return;
    }
    builder.get(guarded.inRange);
    builder.open(op.if);
    builder.get(guarded.address);
    builder.get(value);
    this.store(element);
    builder.close();
  }

  private elementOf(array: Expression): ScalarType {
    if (array.type.kind !== 'array') throw new Error('internal error: indexing a non-array');
    return array.type.element;
  }

  /** Loads the element at the address on the stack; bools read as 0 or 1 whatever byte is stored. */
  private load(element: ScalarType): void {
    const [opcode, alignment] = loadOf(element);
    this.builder.memory(opcode, alignment);
    if (element === 'bool') {
      this.builder.i32(0);
      this.builder.emit(numeric.i32.ne);
    }
  }

  private store(element: ScalarType): void {
    const [opcode, alignment] = storeOf(element);
    this.builder.memory(opcode, alignment);
  }

  /** Pushes the value of `expression` (nothing for a call of a function that returns nothing). */
  expression(expression: Expression): void {
    const builder = this.builder;
    const type = scalarOf(expression.type);
    const kind = kindOf(type);
    switch (expression.kind) {
      case 'literal':
        builder.constant(kind, expression.value);
        return;
      case 'variable': {
        const binding = builder.lookup(expression.name);
        if (binding.kind === 'scalar') builder.get(binding.local);
        else this.arrayAddress(expression);
        return;
      }
      case 'component': {
        const components = this.components(expression.base);
        if (expression.index.kind === 'literal') {
          (components[expression.index.value] as () => void)();
          return;
        }
        // index === 0 ? c0 : index === 1 ? c1 : … : the last.
        const index = builder.addLocal('i32');
        this.expression(expression.index);
        builder.set(index);
        const result = builder.addLocal('i32');
        (components[components.length - 1] as () => void)();
        builder.set(result);
        for (let axis = components.length - 2; axis >= 0; axis--) {
          (components[axis] as () => void)();
          builder.get(result);
          builder.get(index);
          builder.i32(axis);
          builder.emit(numeric.i32.eq, op.select);
          builder.set(result);
        }
        builder.get(result);
        return;
      }
      case 'field': {
        if (expression.base.kind !== 'variable') throw new Error('internal error: an element index field');
        const binding = builder.lookup(expression.base.name);
        if (binding.kind !== 'elementIndex') throw new Error('internal error: not an element index');
        builder.get(expression.field === 'global' ? binding.global : binding.local);
        return;
      }
      case 'index': {
        const element = this.elementOf(expression.array);
        this.guardedLoad(this.guardedElement(expression, expression.array, expression.index, element), element);
        return;
      }
      case 'viewField':
        this.arrayAddress(expression);
        return;
      case 'viewSize':
        builder.get(this.viewBinding(expression.view).size);
        return;
      case 'binary':
        this.expression(expression.left);
        this.expression(expression.right);
        binary(builder, this.imports, expression.operator, type);
        return;
      case 'integerDivide':
        this.expression(expression.left);
        this.expression(expression.right);
        guardedDivision(builder, type === 'u32' ? numeric.i32.divU : numeric.i32.divS, type !== 'u32');
        return;
      case 'compare': {
        const operandType = scalarOf(expression.left.type);
        this.expression(expression.left);
        this.expression(expression.right);
        builder.emit(compareOpcode(expression.operator, operandType === 'bool' ? 'i32' : operandType));
        return;
      }
      case 'logical':
        this.condition(expression.left);
        builder.open(op.if, {}, 'i32');
        if (expression.operator === '&&') {
          this.condition(expression.right);
          builder.else();
          builder.i32(0);
        } else {
          builder.i32(1);
          builder.else();
          this.condition(expression.right);
        }
        builder.close();
        return;
      case 'unary':
        this.unary(expression, type);
        return;
      case 'conditional':
        this.condition(expression.test);
        builder.open(op.if, {}, kind);
        this.expression(expression.consequent);
        builder.else();
        this.expression(expression.alternate);
        builder.close();
        return;
      case 'convert':
        this.expression(expression.value);
        convert(builder, this.imports, scalarOf(expression.value.type), type);
        return;
      case 'math':
        emitMath(builder, this.imports, expression.function, expression.arguments, type, (argument) =>
          this.expression(argument),
        );
        return;
      case 'index3':
      case 'vectorLiteral':
        throw new Error('internal error: a vector used as a number');
      case 'once':
        if (expression.scope === 'block') builder.i32(1);
        else {
          for (let axis = 0; axis < this.dimension; axis++) {
            builder.getGlobal(this.globals.block(axis));
            builder.emit(op.i32Eqz);
            if (axis > 0) builder.emit(numeric.i32.and);
          }
        }
        return;
      case 'syncPredicate':
        // One thread per block: count, and, or of one predicate are the predicate as 0 or 1.
        this.condition(expression.predicate);
        return;
      case 'atomic':
        this.atomic(expression);
        return;
      case 'warp':
        // A warp of one lane: the size and mask are 1, votes are the predicate, shuffles return the value.
        if (expression.operation === 'getSize' || expression.operation === 'activeMask') builder.i32(1);
        else if (expression.operation === 'all' || expression.operation === 'any' || expression.operation === 'ballot')
          this.condition(expression.arguments[0] as Expression);
        else this.expression(expression.arguments[0] as Expression);
        return;
      case 'assign':
        this.assignment(expression, true);
        return;
      case 'call':
        for (const argument of expression.arguments) this.callArgument(argument);
        builder.callDefined(this.functionIndices.get(expression.function) as number);
        return;
      case 'sequence':
        expression.expressions.forEach((part, index) => {
          if (index === expression.expressions.length - 1) this.expression(part);
          else this.effect(part);
        });
        return;
    }
  }

  /** Pushes a boolean as 0 or 1. */
  private condition(expression: Expression): void {
    this.expression(expression);
    const type = scalarOf(expression.type);
    if (type !== 'bool') convert(this.builder, this.imports, type, 'bool');
  }

  private callArgument(argument: Expression): void {
    if (argument.type.kind === 'view') {
      const binding = this.viewBinding(argument);
      const { layout } = argument.type;
      for (const field of layout.fields)
        this.builder.get((binding.fields.get(field.name) as { address: number }).address);
      for (const field of layout.fields) {
        const stride = binding.fields.get(field.name)?.stride;
        if (stride !== undefined) this.builder.get(stride);
      }
      this.builder.get(binding.size);
      return;
    }
    if (argument.type.kind === 'array') {
      // An array passes its address and its extent, which the function's accesses are guarded against.
      this.arrayAddress(argument);
      this.arrayExtent(argument);
      return;
    }
    this.expression(argument);
  }

  private unary(expression: Extract<Expression, { kind: 'unary' }>, type: ScalarType): void {
    const builder = this.builder;
    const kind = kindOf(type);
    switch (expression.operator) {
      case '!':
        this.condition(expression.operand);
        builder.emit(op.i32Eqz);
        return;
      case '~':
        this.expression(expression.operand);
        builder.i32(-1);
        builder.emit(numeric.i32.xor);
        return;
      case '-':
        if (isFloat(type)) {
          this.expression(expression.operand);
          builder.emit(opcodeOf(kind, 'neg'));
        } else {
          builder.i32(0);
          this.expression(expression.operand);
          builder.emit(numeric.i32.sub);
        }
        return;
      case '+':
        this.expression(expression.operand);
        return;
    }
  }

  /** Atomics with one thread per block: a read-modify-write that returns the old value. */
  private atomic(expression: Extract<Expression, { kind: 'atomic' }>): void {
    const builder = this.builder;
    const element = this.elementOf(expression.array);
    const kind = kindOf(element);
    const old = builder.addLocal(kind);
    const result = builder.addLocal(kind);
    const guarded = this.guardedElement(expression, expression.array, expression.index, element);
    const operands = expression.operands.map((operand) => {
      const local = builder.addLocal(kind);
      this.expression(operand);
      builder.set(local);
      return local;
    });
    const [value, swap] = operands as [number, number | undefined];
    // Out of range: old reads 0 and the store is dropped, as the JavaScript emitter's atomics do.
    this.guardedLoad(guarded, element);
    builder.set(old);
    const pick = (whenTrue: () => void, whenFalse: () => void, test: () => void) => {
      whenTrue();
      whenFalse();
      test();
      builder.emit(op.select);
    };
    const compare = (operator: string) => builder.emit(compareOpcode(operator, element));
    switch (expression.operation) {
      case 'Add':
      case 'Sub':
      case 'And':
      case 'Or':
      case 'Xor': {
        const names = { Add: 'add', Sub: 'sub', And: 'and', Or: 'or', Xor: 'xor' } as const;
        builder.get(old);
        builder.get(value);
        builder.emit(opcodeOf(kind, names[expression.operation]));
        break;
      }
      case 'Min':
      case 'Max':
        pick(
          () => builder.get(old),
          () => builder.get(value),
          () => {
            builder.get(old);
            builder.get(value);
            compare(expression.operation === 'Min' ? '<' : '>');
          },
        );
        break;
      case 'Exch':
        builder.get(value);
        break;
      case 'Inc':
        // old >= value ? 0 : old + 1
        pick(
          () => builder.i32(0),
          () => {
            builder.get(old);
            builder.i32(1);
            builder.emit(numeric.i32.add);
          },
          () => {
            builder.get(old);
            builder.get(value);
            compare('>=');
          },
        );
        break;
      case 'Dec':
        // old === 0 || old > value ? value : old - 1
        pick(
          () => builder.get(value),
          () => {
            builder.get(old);
            builder.i32(1);
            builder.emit(numeric.i32.sub);
          },
          () => {
            builder.get(old);
            builder.emit(op.i32Eqz);
            builder.get(old);
            builder.get(value);
            compare('>');
            builder.emit(numeric.i32.or);
          },
        );
        break;
      case 'Cas':
        // Stores only when old is the compared value (Object.is: floats by bits, every NaN equal to NaN).
        pick(
          () => builder.get(swap as number),
          () => builder.get(old),
          () => this.sameValue(kind, old, value),
        );
        break;
    }
    builder.set(result);
    this.guardedStore(guarded, element, result);
    builder.get(old);
  }

  /** Pushes Object.is(local a, local b) for values of `kind`. */
  private sameValue(kind: ValueKind, a: number, b: number): void {
    const builder = this.builder;
    if (kind === 'i32') {
      builder.get(a);
      builder.get(b);
      builder.emit(numeric.i32.eq);
      return;
    }
    const float = kind as 'f32' | 'f64';
    const bitsKind = float === 'f32' ? 'i32' : 'i64';
    builder.get(a);
    builder.emit(numeric[float].reinterpret as number);
    builder.get(b);
    builder.emit(numeric[float].reinterpret as number, numeric[bitsKind].eq);
    for (const local of [a, b]) {
      builder.get(local);
      builder.get(local);
      builder.emit(numeric[float].ne);
    }
    builder.emit(numeric.i32.and, numeric.i32.or);
  }

  /** An assignment; with `valueUsed`, pushes the assigned value (or the old one for postfix ++ and --). */
  assignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): void {
    const builder = this.builder;
    const targetType = scalarOf(expression.type);
    const kind = kindOf(targetType);
    const { target } = expression;
    // Where the value goes: a local (scalar variable or vector component) or an element address.
    let local: number | undefined;
    let guarded: GuardedElement | undefined;
    let element: ScalarType = targetType;
    if (target.kind === 'variable') {
      const binding = builder.lookup(target.name);
      if (binding.kind !== 'scalar') throw new Error(`internal error: assigning to '${target.name}'`);
      local = binding.local;
    } else if (target.kind === 'component' && target.base.kind === 'variable' && target.index.kind === 'literal') {
      const binding = builder.lookup(target.base.name);
      if (binding.kind !== 'vector') throw new Error('internal error: assigning to a component');
      local = binding.locals[target.index.value];
    } else if (target.kind === 'index') {
      element = this.elementOf(target.array);
      guarded = this.guardedElement(target, target.array, target.index, element);
    } else throw new Error(`internal error: assigning to ${target.kind}`);
    const read = () => {
      if (local !== undefined) builder.get(local);
      else this.guardedLoad(guarded as GuardedElement, element);
    };
    const result = builder.addLocal(kind);
    let old: number | undefined;
    if (expression.operator === '=') {
      this.expression(expression.value);
      convert(builder, this.imports, scalarOf(expression.value.type), targetType);
    } else {
      const valueType = scalarOf(expression.value.type);
      const shift = expression.operator === '<<' || expression.operator === '>>' || expression.operator === '>>>';
      const computeType: ScalarType = shift ? (targetType === 'u32' ? 'u32' : 'i32') : valueType;
      read();
      if (expression.returnsOld && valueUsed) {
        old = builder.addLocal(kind);
        builder.tee(old);
      }
      convert(builder, this.imports, targetType, computeType);
      this.expression(expression.value);
      binary(builder, this.imports, expression.operator, computeType);
      convert(builder, this.imports, computeType, targetType);
    }
    if (local !== undefined) {
      if (valueUsed) builder.tee(local);
      else builder.set(local);
    } else {
      builder.set(result);
      this.guardedStore(guarded as GuardedElement, element, result);
      if (valueUsed) builder.get(result);
    }
    if (old !== undefined) {
      builder.emit(op.drop);
      builder.get(old);
    }
  }
}

/** The built-in WebAssembly emitter for CPU backends with one thread per block. */
export const webAssemblyEmitter = {
  target: 'webassembly',
  version: '2',
  emit: (ir: KernelIR, options: EmitOptions): WebAssemblyKernelModule =>
    new WebAssemblyEmitter(ir, options.dimension, options.boundsChecks === true, options.unguardedAccesses).emit(),
};
