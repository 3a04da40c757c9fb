import type { BoundsSite } from '../../bounds/bounds-sites';
import type { EmitOptions } from '../../emit-options';
import type { KernelIR } from '../../ir';
import { shortHash } from '../../short-hash';
import { specialisationKey } from '../../specialisation';
import type { ValueType, ViewLayout } from '../../types';
import { viewStruct } from '../../view-layout';
import { boundsRecordName, lengthName } from './cpp-bounds';
import { cppName, cTypeOf, scalarOf } from './cpp-names';
import { type CppDialect, cppPrelude } from './cpp-prelude';
import { CppStatements } from './cpp-statements';

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

/**
 * Emits one kernel as CUDA or HIP C++: an extern "C" __global__ entry whose loop helpers become grid- and
 * block-strided loops with the work division's elements per thread, alpaka's axis order mapped to CUDA's
 * (the last, fastest axis is x). Integer semantics match the JavaScript emitter exactly; f32 operations do too
 * when the module is compiled without contraction (NVRTC --fmad=false, hiprtc -ffp-contract=off).
 */
export class CppEmitter extends CppStatements {
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
  protected viewStructs(): void {
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

  protected parameterDeclaration(type: ValueType, local: string): string {
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
    emitCpp(ir, options.dimension, 'cuda', options.oneElementPerThread === true, options.boundsChecks === true),
};
export const hipEmitter = {
  target: 'hip',
  version: '1',
  prelude: cppPrelude('hip'),
  emit: (ir: KernelIR, options: EmitOptions): CppKernelSource =>
    emitCpp(ir, options.dimension, 'hip', options.oneElementPerThread === true, options.boundsChecks === true),
};
