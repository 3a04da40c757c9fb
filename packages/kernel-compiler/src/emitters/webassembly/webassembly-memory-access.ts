import { BoundsSites } from '../../bounds/bounds-sites';
import type { Expression, FunctionIR, KernelIR } from '../../ir';
import type { ScalarType } from '../../types';
import type { FunctionBody } from './binary-writer';
import type { Binding, FunctionBuilder } from './function-builder';
import { ImportTable, kindOf } from './numeric';
import { numeric, op } from './opcodes';
import { type GuardedElement, guardElement, unguardedElement } from './webassembly-bounds';
import { elementBytes, loadOf, storeOf } from './webassembly-values';

/**
 * The WebAssembly emitter's state, and how it reaches memory: array and view addresses, the extent an access is
 * guarded against, guarded and unguarded loads and stores. The layers above (assignment, atomics, expressions,
 * statements, then WebAssemblyEmitter itself) each add one concept.
 */
export abstract class WebAssemblyMemoryAccess {
  readonly imports = new ImportTable();
  protected readonly functions: FunctionBody[] = [];
  protected readonly functionIndices = new Map<string, number>();
  protected readonly sharedOffsets = new Map<string, number>();
  protected staticSharedBytes = 0;
  builder!: FunctionBuilder;
  protected inFunction = false;
  /** The device function being written, for the names of bounds sites. */
  protected deviceFunctionIR: FunctionIR | undefined;
  protected readonly sites = new BoundsSites();

  constructor(
    protected readonly ir: KernelIR,
    readonly dimension: number,
    /** Emit the bounds-checked variant, which records the first out-of-range access at the bounds address. */
    protected readonly boundsChecks = false,
    /** Accesses emitted without a guard (EmitOptions.unguardedAccesses); never with bounds checks. */
    protected readonly unguardedAccesses: ReadonlySet<Expression> = new Set(),
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

  /** Pushes an array expression's base address. */
  protected arrayAddress(array: Expression): void {
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

  protected viewField(view: Expression, field: string): { address: number; stride: number | undefined } {
    const binding = this.viewBinding(view);
    const found = binding.fields.get(field);
    if (!found) throw new Error(`internal error: the view has no field '${field}'`);
    return found;
  }

  protected viewBinding(view: Expression): Extract<Binding, { kind: 'view' }> {
    if (view.kind !== 'variable') throw new Error('internal error: a view is always a parameter');
    const binding = this.builder.lookup(view.name);
    if (binding.kind !== 'view') throw new Error(`internal error: '${view.name}' is not a view`);
    return binding;
  }

  /** Pushes an array expression's extent in elements (what its accesses are guarded against). */
  protected arrayExtent(array: Expression): void {
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
  protected guardedElement(
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
  protected guardedLoad(guarded: GuardedElement, element: ScalarType): void {
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
  protected guardedStore(guarded: GuardedElement, element: ScalarType, value: number): void {
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

  protected elementOf(array: Expression): ScalarType {
    if (array.type.kind !== 'array') throw new Error('internal error: indexing a non-array');
    return array.type.element;
  }

  /** Loads the element at the address on the stack; bools read as 0 or 1 whatever byte is stored. */
  protected load(element: ScalarType): void {
    const [opcode, alignment] = loadOf(element);
    this.builder.memory(opcode, alignment);
    if (element === 'bool') {
      this.builder.i32(0);
      this.builder.emit(numeric.i32.ne);
    }
  }

  protected store(element: ScalarType): void {
    const [opcode, alignment] = storeOf(element);
    this.builder.memory(opcode, alignment);
  }

  /** Pushes an expression's value (webassembly-expressions.ts): addresses and indices are expressions. */
  abstract expression(expression: Expression): void;
}
