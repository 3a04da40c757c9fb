import type { Expression } from '../../ir';
import { numeric, op } from './opcodes';
import {
  continuable,
  countedLoop,
  expression64,
  global64,
  type LoopContext,
  type LoopHelperStatement,
  minimum64,
} from './webassembly-counted-loops';

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
