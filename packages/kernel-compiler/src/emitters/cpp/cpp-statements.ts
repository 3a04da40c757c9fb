import type { Statement } from '../../ir';
import type { ValueType } from '../../types';
import { lengthName } from './cpp-bounds';
import { CppLoops } from './cpp-loops';
import { cppName, cTypeOf, scalarOf } from './cpp-names';
import { literal } from './cpp-operators';

/** Statements: declarations, control flow (a break out of a loop helper is a goto), barriers, fences, checks. */
export abstract class CppStatements extends CppLoops {
  protected declaration(name: string, type: ValueType, constant: boolean, init: string, extent?: string): string {
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
}
