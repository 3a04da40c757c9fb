import type { Statement } from '../../ir';
import { JavaScriptAssignment } from './javascript-assignment';
import { generated } from './javascript-operators';

/** The acc loop helpers as counted loops over the block's chunk of elements, one thread per block. */
export abstract class JavaScriptLoops extends JavaScriptAssignment {
  protected override loopHelper(statement: Extract<Statement, { kind: 'loopHelper' }>): void {
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
}
