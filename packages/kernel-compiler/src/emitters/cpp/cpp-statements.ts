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
    if (this.sharedStatement(statement)) return;
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
