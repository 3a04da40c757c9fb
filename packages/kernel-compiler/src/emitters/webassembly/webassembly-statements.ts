import type { Expression, Statement } from '../../ir';
import { kindOf } from './numeric';
import { memoryAccess, numeric, op } from './opcodes';
import { WebAssemblyExpressions } from './webassembly-expressions';
import { emitLoopHelper } from './webassembly-loops';
import { scalarOf } from './webassembly-values';

/** Statements: declarations, structured control flow (loops, switch) and acc.check; loop helpers are in webassembly-loops.ts. */
export abstract class WebAssemblyStatements extends WebAssemblyExpressions {
  statements(statements: readonly Statement[]): void {
    for (const statement of statements) this.statement(statement);
  }

  /** Statements in a scope of their own (a block in JavaScript). */
  scoped(statements: readonly Statement[]): void {
    this.builder.pushScope();
    this.statements(statements);
    this.builder.popScope();
  }

  protected statement(statement: Statement): void {
    const builder = this.builder;
    switch (statement.kind) {
      case 'declare':
        this.declare(statement);
        return;
      case 'expression':
        this.effect(statement.expression);
        return;
      case 'if':
        this.expression(statement.test);
        builder.open(op.if);
        this.scoped(statement.consequent);
        if (statement.alternate.length > 0) {
          builder.else();
          this.scoped(statement.alternate);
        }
        builder.close();
        return;
      case 'for':
        builder.pushScope();
        this.statements(statement.init);
        this.loop(statement.test, statement.body, statement.update, true);
        builder.popScope();
        return;
      case 'while':
        this.loop(statement.test, statement.body, undefined, statement.testFirst);
        return;
      case 'loopHelper':
        emitLoopHelper(this, statement);
        return;
      case 'switch':
        this.switchStatement(statement);
        return;
      case 'break':
        builder.branch('breaks');
        return;
      case 'continue':
        builder.branch('continues');
        return;
      case 'return':
        if (this.inFunction) {
          if (statement.value) this.expression(statement.value);
          builder.emit(op.return);
        } else builder.branch('endsBlock'); // one thread per block: the thread returning ends the block
        return;
      case 'sync':
      case 'fence':
        // One thread per block and in-order execution: nothing to wait for or to order.
        return;
      case 'check':
        this.check(statement.condition, statement.id);
        return;
      case 'block':
        this.scoped(statement.body);
        return;
    }
  }

  protected declare(statement: Extract<Statement, { kind: 'declare' }>): void {
    const builder = this.builder;
    if (statement.type.kind === 'vector') {
      const locals = Array.from({ length: statement.type.length }, () => builder.addLocal('i32'));
      if (statement.init) {
        const components = this.components(statement.init);
        components.forEach((push, axis) => {
          push();
          builder.set(locals[axis] as number);
        });
      }
      builder.bind(statement.name, { kind: 'vector', locals });
      return;
    }
    const scalarType = scalarOf(statement.type);
    const local = builder.addLocal(kindOf(scalarType));
    if (statement.init) this.expression(statement.init);
    else builder.constant(kindOf(scalarType), 0);
    builder.set(local);
    // Bound after the initialiser, which may read an outer variable of the same name.
    builder.bind(statement.name, { kind: 'scalar', local });
  }

  /**
   * A loop: `block { loop { if (!test) break; block { body } update; br loop } }` (the inner block is where
   * continue goes), or for do-while the test after the body.
   */
  protected loop(
    test: Expression | undefined,
    body: readonly Statement[],
    update: Expression | undefined,
    testFirst: boolean,
  ): void {
    const builder = this.builder;
    builder.open(op.block, { breaks: true });
    builder.open(op.loop);
    if (testFirst && test) {
      this.expression(test);
      builder.emit(op.i32Eqz);
      builder.branchTo(1, true);
    }
    builder.open(op.block, { continues: true });
    this.scoped(body);
    builder.close();
    if (update) this.effect(update);
    if (testFirst || !test) builder.branchTo(0, false);
    else {
      this.expression(test);
      builder.branchTo(0, true);
    }
    builder.close();
    builder.close();
  }

  /** C's switch: one block per case, entered by a chain of comparisons; bodies fall through into the next. */
  protected switchStatement(statement: Extract<Statement, { kind: 'switch' }>): void {
    const builder = this.builder;
    const { cases } = statement;
    const discriminant = builder.addLocal('i32');
    this.expression(statement.discriminant);
    builder.set(discriminant);
    builder.open(op.block, { breaks: true });
    for (let index = 0; index < cases.length; index++) builder.open(op.block);
    // Inside the innermost block, case k's block is at depth k and the switch's end at depth cases.length.
    cases.forEach((switchCase, index) => {
      if (switchCase.test === undefined) return;
      builder.get(discriminant);
      builder.i32(switchCase.test);
      builder.emit(numeric.i32.eq);
      builder.branchTo(index, true);
    });
    const fallback = cases.findIndex((switchCase) => switchCase.test === undefined);
    builder.branchTo(fallback === -1 ? cases.length : fallback, false);
    for (const switchCase of cases) {
      builder.close();
      this.scoped(switchCase.body);
    }
    builder.close();
  }

  /** acc.check: the first failing check's id + 1 in checks[1], the count of failures in checks[0]. */
  protected check(condition: Expression, id: number): void {
    const builder = this.builder;
    const [load, alignment] = memoryAccess.load.i32;
    const [store] = memoryAccess.store.i32;
    this.expression(condition);
    builder.emit(op.i32Eqz);
    builder.open(op.if);
    builder.getGlobal(this.globals.checks);
    builder.memory(load, alignment);
    builder.emit(op.i32Eqz);
    builder.open(op.if);
    builder.getGlobal(this.globals.checks);
    builder.i32(id + 1);
    builder.memory(store, alignment, 4);
    builder.close();
    builder.getGlobal(this.globals.checks);
    builder.getGlobal(this.globals.checks);
    builder.memory(load, alignment);
    builder.i32(1);
    builder.emit(numeric.i32.add);
    builder.memory(store, alignment);
    builder.close();
  }

  // --- expressions ---
}
