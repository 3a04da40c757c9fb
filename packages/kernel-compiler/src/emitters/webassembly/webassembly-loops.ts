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

type LoopHelperStatement = Extract<Statement, { kind: 'loopHelper' }>;

/** Pushes a global u32 widened to i64. */
function global64(context: LoopContext, global: number): void {
  context.builder.getGlobal(global);
  context.builder.emit(op.i64ExtendI32U);
}

/** Pushes the smaller of two i64 locals, compared unsigned. */
function minimum64(builder: FunctionBuilder, left: number, right: number): void {
  builder.get(left);
  builder.get(right);
  builder.get(left);
  builder.get(right);
  builder.emit(numeric.i64.ltU as number, op.select);
}

/** Pushes an expression's u32 value widened to i64. */
function expression64(context: LoopContext, expression: Expression): void {
  context.expression(expression);
  context.builder.emit(op.i64ExtendI32U);
}

/**
 * `while (counter < end) { body; counter += step }` with the body in a continue block. Counters and bounds
 * that can pass 2^32 (block strides over a grid, chunk ends) are i64, as the JavaScript emitter's are doubles,
 * so nothing wraps where JavaScript's arithmetic would not.
 */
function countedLoop(
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
function continuable(context: LoopContext, statement: LoopHelperStatement): () => void {
  return () => {
    context.builder.open(op.block, { continues: true });
    context.scoped(statement.body);
    context.builder.close();
  };
}

/**
 * The elements of this thread along `axis` (alpaka's uniformElements): chunks of `elements` consecutive indices
 * starting at first + block·elements, striding by the grid's elements, each chunk cut at the extent.
 */
function elementsAlong(
  context: LoopContext,
  axis: number,
  first: Expression | undefined,
  extent: Expression,
  variable: number,
  inner: () => void,
  breaks: boolean,
): void {
  const { builder, globals } = context;
  const end = builder.addLocal('i64');
  const base = builder.addLocal('i64');
  const chunkEnd = builder.addLocal('i32');
  expression64(context, extent);
  builder.set(end);
  if (first) expression64(context, first);
  else builder.i64(0n);
  global64(context, globals.block(axis));
  global64(context, globals.elements(axis));
  builder.emit(numeric.i64.mul, numeric.i64.add);
  builder.set(base);
  countedLoop(
    builder,
    base,
    'i64',
    () => builder.get(end),
    () => {
      global64(context, globals.blocks(axis));
      global64(context, globals.elements(axis));
      builder.emit(numeric.i64.mul);
    },
    () => {
      // chunkEnd = min(base + elements, end), below 2^32 because end is.
      const candidate = builder.addLocal('i64');
      builder.get(base);
      global64(context, globals.elements(axis));
      builder.emit(numeric.i64.add);
      builder.set(candidate);
      minimum64(builder, candidate, end);
      builder.emit(op.i32WrapI64);
      builder.set(chunkEnd);
      builder.get(base);
      builder.emit(op.i32WrapI64);
      builder.set(variable);
      countedLoop(
        builder,
        variable,
        'i32',
        () => builder.get(chunkEnd),
        () => builder.i32(1),
        inner,
        false,
      );
    },
    breaks,
  );
}

/**
 * `for (group = block; group < end; group += blocks)` along axis 0, in i64 so the stride never wraps; the
 * kernel's variable is the group as u32. `pushEnd` leaves the bound (i64) on the stack.
 */
function groupLoop(context: LoopContext, variable: number, pushEnd: () => void, body: () => void): void {
  const { builder, globals } = context;
  const end = builder.addLocal('i64');
  const counter = builder.addLocal('i64');
  pushEnd();
  builder.set(end);
  global64(context, globals.block(0));
  builder.set(counter);
  countedLoop(
    builder,
    counter,
    'i64',
    () => builder.get(end),
    () => global64(context, globals.blocks(0)),
    () => {
      builder.get(counter);
      builder.emit(op.i32WrapI64);
      builder.set(variable);
      body();
    },
    true,
  );
}

/** Lowers `for (const v of acc.<helper>(…))` to counted loops; break leaves the whole helper. */
export function emitLoopHelper(context: LoopContext, statement: LoopHelperStatement): void {
  const { builder, globals } = context;
  const args = statement.arguments;
  builder.pushScope();
  const body = continuable(context, statement);
  switch (statement.helper) {
    case 'uniformElements':
    case 'uniformElementsAlong': {
      const [first, extent] = args.length === 2 ? args : [undefined, args[0]];
      const variable = builder.addLocal('i32');
      builder.bind(statement.variable, { kind: 'scalar', local: variable });
      elementsAlong(context, statement.dimension, first, extent as Expression, variable, body, true);
      break;
    }
    case 'uniformElementsND': {
      const locals = args.map(() => builder.addLocal('i32'));
      builder.bind(statement.variable, { kind: 'vector', locals });
      // Axis 0 outermost, the body inside the last axis; each inner extent is read inside the outer loop.
      const nest = (axis: number): (() => void) =>
        axis === args.length
          ? body
          : () =>
              elementsAlong(
                context,
                axis,
                undefined,
                args[axis] as Expression,
                locals[axis] as number,
                nest(axis + 1),
                axis === 0,
              );
      nest(0)();
      break;
    }
    case 'uniformGroups': {
      // groups = ceil(extent / elements); group = block, block + blocks, …
      const variable = builder.addLocal('i32');
      builder.bind(statement.variable, { kind: 'scalar', local: variable });
      groupLoop(
        context,
        variable,
        () => {
          expression64(context, args[0] as Expression);
          global64(context, globals.elements(0));
          builder.emit(numeric.i64.add);
          builder.i64(1n);
          builder.emit(numeric.i64.sub);
          global64(context, globals.elements(0));
          builder.emit(numeric.i64.divU as number);
        },
        body,
      );
      break;
    }
    case 'uniformGroupElements': {
      // global from group·elements to min(that + elements, extent); local = global − group·elements.
      const first = builder.addLocal('i64');
      const end = builder.addLocal('i64');
      const counter = builder.addLocal('i64');
      const global = builder.addLocal('i32');
      const local = builder.addLocal('i32');
      builder.bind(statement.variable, { kind: 'elementIndex', global, local });
      expression64(context, args[0] as Expression);
      global64(context, globals.elements(0));
      builder.emit(numeric.i64.mul);
      builder.tee(first);
      global64(context, globals.elements(0));
      builder.emit(numeric.i64.add);
      builder.set(end);
      const extent = builder.addLocal('i64');
      expression64(context, args[1] as Expression);
      builder.set(extent);
      minimum64(builder, end, extent);
      builder.set(end);
      builder.get(first);
      builder.set(counter);
      countedLoop(
        builder,
        counter,
        'i64',
        () => builder.get(end),
        () => builder.i64(1n),
        () => {
          builder.get(counter);
          builder.emit(op.i32WrapI64);
          builder.set(global);
          builder.get(counter);
          builder.get(first);
          builder.emit(numeric.i64.sub, op.i32WrapI64);
          builder.set(local);
          body();
        },
        true,
      );
      break;
    }
    case 'independentGroups': {
      const variable = builder.addLocal('i32');
      builder.bind(statement.variable, { kind: 'scalar', local: variable });
      groupLoop(context, variable, () => expression64(context, args[0] as Expression), body);
      break;
    }
    case 'independentGroupElements': {
      const [first, extent] = args.length === 2 ? args : [undefined, args[0]];
      const end = builder.addLocal('i32');
      const variable = builder.addLocal('i32');
      builder.bind(statement.variable, { kind: 'scalar', local: variable });
      context.expression(extent as Expression);
      builder.set(end);
      if (first) context.expression(first);
      else builder.i32(0);
      builder.set(variable);
      countedLoop(
        builder,
        variable,
        'i32',
        () => builder.get(end),
        () => builder.i32(1),
        body,
        true,
      );
      break;
    }
  }
  builder.popScope();
}
