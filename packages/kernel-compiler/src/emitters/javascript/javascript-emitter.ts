import { elementTypes } from '@alpaka-ts/interface';
import type { BoundsSite } from '../../bounds/bounds-sites';
import type { EmitOptions } from '../../emit-options';
import type { KernelIR, KernelParameterIR } from '../../ir';
import { atomicHelpers } from './javascript-atomics';
import { boundsViolationHelper, siteIndex } from './javascript-bounds';
import { type ExpressionEmitter, generated, viewLocal } from './javascript-operators';
import { JavaScriptStatements } from './javascript-statements';

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
export class JavaScriptEmitter extends JavaScriptStatements implements ExpressionEmitter {
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
  protected viewLocals(parameter: KernelParameterIR): void {
    if (parameter.type.kind !== 'view') return;
    const fields = [...parameter.type.layout.fields.map((field) => field.name), 'size'];
    this.line(
      `const ${fields.map((field) => `${viewLocal(parameter.local, field)} = ${parameter.local}.${field}`).join(', ')};`,
    );
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
