import type { BoundsSite } from '../../bounds/bounds-sites';
import type { EmitOptions } from '../../emit-options';
import type { FunctionIR, KernelIR, KernelParameterIR } from '../../ir';
import { encodeModule, type FunctionBody, type ValueKind } from './binary-writer';
import { FunctionBuilder } from './function-builder';
import { type ImportTable, kindOf } from './numeric';
import { numeric, op } from './opcodes';
import type { LoopContext } from './webassembly-counted-loops';
import { WebAssemblyStatements } from './webassembly-statements';
import { elementBytes, parameterKinds } from './webassembly-values';

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

/**
 * Emits a WebAssembly module for CPU backends with one thread per block, with the JavaScript emitter's
 * results: the entry `kernel` loops over the grid's blocks and runs the body with each loop helper lowered to
 * counted loops. Arrays and views are addresses in one shared memory that the module imports; the launch
 * geometry, the shared-memory addresses and the check buffer are globals, so device functions read them too.
 */
export class WebAssemblyEmitter extends WebAssemblyStatements implements LoopContext {
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

  protected bindShared(): void {
    for (const shared of this.ir.shared) {
      this.builder.bind(shared.name, { kind: 'sharedArray', offset: this.sharedOffsets.get(shared.name) });
    }
  }

  /** Binds parameters to the function's leading locals, from `first`. */
  protected bindParameters(parameters: readonly KernelParameterIR[], first: number): void {
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

  protected deviceFunction(deviceFunction: FunctionIR): FunctionBody {
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

  protected entry(parameters: readonly KernelParameterIR[]): FunctionBody {
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
}

/** The built-in WebAssembly emitter for CPU backends with one thread per block. */
export const webAssemblyEmitter = {
  target: 'webassembly',
  version: '2',
  emit: (ir: KernelIR, options: EmitOptions): WebAssemblyKernelModule =>
    new WebAssemblyEmitter(ir, options.dimension, options.boundsChecks === true, options.unguardedAccesses).emit(),
};
