import { BoundsSites } from '../bounds/bounds-sites';
import type { Expression, FunctionIR, Statement } from '../ir';

/**
 * What the JavaScript and C++ emitters share: both write a kernel as indented lines of text, a statement at a time,
 * and both keep the same state while they do (the loops a break leaves, whether a device function is being written,
 * the bounds sites numbered so far). Each target says how one statement reads; this class says how they nest.
 */
export abstract class TextEmitter {
  protected readonly lines: string[] = [];
  protected indentation: number;
  /** Numbers loop helpers' labels, so nested and sibling loops never share one. */
  protected labels = 0;
  /**
   * Innermost first: the label a break jumps to in order to leave a loop helper, or undefined for a plain loop
   * (or a switch), where a plain break does.
   */
  protected readonly loops: Array<string | undefined> = [];
  /** True while a device function's body is written: return then returns a value instead of ending the thread. */
  protected inFunction = false;
  /** The device function being written, for the names of bounds sites. */
  protected deviceFunction: FunctionIR | undefined;
  protected readonly sites = new BoundsSites();

  /** `indentation`: the depth of the kernel's first line (the JavaScript kernel sits inside a returned function). */
  constructor(indentation: number) {
    this.indentation = indentation;
  }

  protected abstract statement(statement: Statement): void;
  /** An expression as text; `valueUsed` false when it stands as a statement (its value is dropped). */
  protected abstract expression(expression: Expression, valueUsed?: boolean): string;
  protected abstract loopHelper(statement: Extract<Statement, { kind: 'loopHelper' }>): void;

  /**
   * The statements C++ and JavaScript write with the same text: an expression, if/else, for, while/do-while and a
   * loop helper (which each target lowers itself). Returns false, having written nothing, for any other statement.
   */
  protected sharedStatement(statement: Statement): boolean {
    switch (statement.kind) {
      case 'expression':
        this.line(`${this.expression(statement.expression, false)};`);
        return true;
      case 'if':
        this.block(`if (${this.expression(statement.test)})`, statement.consequent, null);
        if (statement.alternate.length > 0) this.block('else', statement.alternate, null);
        return true;
      case 'for': {
        this.line('{');
        this.indentation += 1;
        this.statements(statement.init);
        const test = statement.test ? this.expression(statement.test) : '';
        const update = statement.update ? this.expression(statement.update, false) : '';
        this.block(`for (; ${test}; ${update})`, statement.body, undefined);
        this.indentation -= 1;
        this.line('}');
        return true;
      }
      case 'while':
        if (statement.testFirst) this.block(`while (${this.expression(statement.test)})`, statement.body, undefined);
        else {
          this.block('do', statement.body, undefined);
          this.lines[this.lines.length - 1] += ` while (${this.expression(statement.test)});`;
        }
        return true;
      case 'loopHelper':
        this.loopHelper(statement);
        return true;
      default:
        return false;
    }
  }

  protected line(text: string): void {
    this.lines.push(`${'  '.repeat(this.indentation)}${text}`);
  }

  protected statements(statements: readonly Statement[]): void {
    for (const statement of statements) this.statement(statement);
  }

  /**
   * `open {`, the body one level deeper, `}`. `loop`: null when the block is no loop (an if, a plain block), so a
   * break inside still leaves the enclosing loop; otherwise the label a break inside jumps to, undefined for none.
   */
  protected block(open: string, body: readonly Statement[], loop: string | null | undefined): void {
    this.line(`${open} {`);
    this.indentation += 1;
    if (loop !== null) this.loops.unshift(loop);
    this.statements(body);
    if (loop !== null) this.loops.shift();
    this.indentation -= 1;
    this.line('}');
  }
}
