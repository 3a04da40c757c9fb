// The loops every WebAssembly loop helper is built of: counters and bounds as i64 (as JavaScript's are doubles), and
// the context a loop helper is emitted in.
import type { Expression, Statement } from '../../ir';
import type { FunctionBuilder } from './function-builder';
import { numeric, op } from './opcodes';

/** What the loop helpers need of the emitter. */
export interface LoopContext {
  readonly builder: FunctionBuilder;
  readonly dimension: number;
  readonly globals: {
    readonly block: (axis: number) => number;
    readonly blocks: (axis: number) => number;
    readonly elements: (axis: number) => number;
  };
  expression(expression: Expression): void;
  scoped(statements: readonly Statement[]): void;
}

export type LoopHelperStatement = Extract<Statement, { kind: 'loopHelper' }>;

/** Pushes a global u32 widened to i64. */
export function global64(context: LoopContext, global: number): void {
  context.builder.getGlobal(global);
  context.builder.emit(op.i64ExtendI32U);
}

/** Pushes the smaller of two i64 locals, compared unsigned. */
export function minimum64(builder: FunctionBuilder, left: number, right: number): void {
  builder.get(left);
  builder.get(right);
  builder.get(left);
  builder.get(right);
  builder.emit(numeric.i64.ltU as number, op.select);
}

/** Pushes an expression's u32 value widened to i64. */
export function expression64(context: LoopContext, expression: Expression): void {
  context.expression(expression);
  context.builder.emit(op.i64ExtendI32U);
}

/**
 * `while (counter < end) { body; counter += step }` with the body in a continue block. Counters and bounds
 * that can pass 2^32 (block strides over a grid, chunk ends) are i64, as the JavaScript emitter's are doubles,
 * so nothing wraps where JavaScript's arithmetic would not.
 */
export function countedLoop(
  builder: FunctionBuilder,
  counter: number,
  kind: 'i32' | 'i64',
  pushEnd: () => void,
  step: () => void,
  body: () => void,
  breaks: boolean,
): void {
  builder.open(op.block, { breaks });
  builder.open(op.loop);
  builder.get(counter);
  pushEnd();
  builder.emit(numeric[kind].geU as number);
  builder.branchTo(1, true);
  body();
  builder.get(counter);
  step();
  builder.emit(numeric[kind].add);
  builder.set(counter);
  builder.branchTo(0, false);
  builder.close();
  builder.close();
}

/** The body in a block that continue leaves, so continue runs the loop's step. */
export function continuable(context: LoopContext, statement: LoopHelperStatement): () => void {
  return () => {
    context.builder.open(op.block, { continues: true });
    context.scoped(statement.body);
    context.builder.close();
  };
}
