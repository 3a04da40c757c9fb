import type { Statement } from '../../ir';
import { JavaScriptLoops } from './javascript-loops';
import { formatNumber, generated } from './javascript-operators';

/** Statements: declarations, control flow (a break out of a loop helper is a labelled break), checks. */
export abstract class JavaScriptStatements extends JavaScriptLoops {
  protected override statement(statement: Statement): void {
    if (this.sharedStatement(statement)) return;
    switch (statement.kind) {
      case 'declare': {
        const keyword = statement.constant ? 'const' : 'let';
        if (statement.type.kind === 'vector' && statement.init) {
          const components = this.components(statement.init);
          this.line(
            `${keyword} ${components.map((component, axis) => `${generated.component(statement.name, axis)} = ${component}`).join(', ')};`,
          );
        } else {
          this.line(`${keyword} ${statement.name} = ${statement.init ? this.expression(statement.init) : '0'};`);
        }
        return;
      }
      case 'switch':
        this.line(`switch (${this.expression(statement.discriminant)}) {`);
        this.indentation += 1;
        for (const switchCase of statement.cases) {
          const label = switchCase.test === undefined ? 'default' : `case ${formatNumber(switchCase.test)}`;
          // A break in a case leaves the switch, not an enclosing loop helper.
          this.block(`${label}:`, switchCase.body, undefined);
        }
        this.indentation -= 1;
        this.line('}');
        return;
      case 'break': {
        const label = this.loops[0];
        this.line(label ? `break ${label};` : 'break;');
        return;
      }
      case 'continue':
        this.line('continue;');
        return;
      case 'return':
        if (this.inFunction) this.line(statement.value ? `return ${this.expression(statement.value)};` : 'return;');
        // One thread per block: the thread returning ends the block.
        else this.line('continue $$block;');
        return;
      case 'sync':
      case 'fence':
        // One thread per block and in-order execution: nothing to wait for or to order.
        return;
      case 'check':
        this.line(
          `if (!(${this.expression(statement.condition)})) { if ($$checks[0] === 0) $$checks[1] = ${statement.id + 1}; $$checks[0]++; }`,
        );
        return;
      case 'block':
        this.block('', statement.body, null);
        return;
    }
  }
}
