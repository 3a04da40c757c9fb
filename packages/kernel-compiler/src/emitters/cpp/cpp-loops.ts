import type { Statement } from '../../ir';
import { CppAssignment } from './cpp-assignment';
import { cppName } from './cpp-names';

/** The acc loop helpers as grid- and block-strided loops over the work division's elements per thread. */
export abstract class CppLoops extends CppAssignment {
  protected override loopHelper(statement: Extract<Statement, { kind: 'loopHelper' }>): void {
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
}
