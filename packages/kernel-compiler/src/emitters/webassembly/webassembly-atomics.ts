import type { Expression } from '../../ir';
import type { ValueKind } from './binary-writer';
import { compareOpcode, kindOf } from './numeric';
import { numeric, op, opcodeOf } from './opcodes';

import { WebAssemblyMemoryAccess } from './webassembly-memory-access';

/** Atomic read-modify-writes: plain loads and stores with one thread per block, guarded like any access. */
export abstract class WebAssemblyAtomics extends WebAssemblyMemoryAccess {
  /** Atomics with one thread per block: a read-modify-write that returns the old value. */
  protected atomic(expression: Extract<Expression, { kind: 'atomic' }>): void {
    const builder = this.builder;
    const element = this.elementOf(expression.array);
    const kind = kindOf(element);
    const old = builder.addLocal(kind);
    const result = builder.addLocal(kind);
    const guarded = this.guardedElement(expression, expression.array, expression.index, element);
    const operands = expression.operands.map((operand) => {
      const local = builder.addLocal(kind);
      this.expression(operand);
      builder.set(local);
      return local;
    });
    const [value, swap] = operands as [number, number | undefined];
    // Out of range: old reads 0 and the store is dropped, as the JavaScript emitter's atomics do.
    this.guardedLoad(guarded, element);
    builder.set(old);
    const pick = (whenTrue: () => void, whenFalse: () => void, test: () => void) => {
      whenTrue();
      whenFalse();
      test();
      builder.emit(op.select);
    };
    const compare = (operator: string) => builder.emit(compareOpcode(operator, element));
    switch (expression.operation) {
      case 'Add':
      case 'Sub':
      case 'And':
      case 'Or':
      case 'Xor': {
        const names = { Add: 'add', Sub: 'sub', And: 'and', Or: 'or', Xor: 'xor' } as const;
        builder.get(old);
        builder.get(value);
        builder.emit(opcodeOf(kind, names[expression.operation]));
        break;
      }
      case 'Min':
      case 'Max':
        pick(
          () => builder.get(old),
          () => builder.get(value),
          () => {
            builder.get(old);
            builder.get(value);
            compare(expression.operation === 'Min' ? '<' : '>');
          },
        );
        break;
      case 'Exch':
        builder.get(value);
        break;
      case 'Inc':
        // old >= value ? 0 : old + 1
        pick(
          () => builder.i32(0),
          () => {
            builder.get(old);
            builder.i32(1);
            builder.emit(numeric.i32.add);
          },
          () => {
            builder.get(old);
            builder.get(value);
            compare('>=');
          },
        );
        break;
      case 'Dec':
        // old === 0 || old > value ? value : old - 1
        pick(
          () => builder.get(value),
          () => {
            builder.get(old);
            builder.i32(1);
            builder.emit(numeric.i32.sub);
          },
          () => {
            builder.get(old);
            builder.emit(op.i32Eqz);
            builder.get(old);
            builder.get(value);
            compare('>');
            builder.emit(numeric.i32.or);
          },
        );
        break;
      case 'Cas':
        // Stores only when old is the compared value (Object.is: floats by bits, every NaN equal to NaN).
        pick(
          () => builder.get(swap as number),
          () => builder.get(old),
          () => this.sameValue(kind, old, value),
        );
        break;
    }
    builder.set(result);
    this.guardedStore(guarded, element, result);
    builder.get(old);
  }

  /** Pushes Object.is(local a, local b) for values of `kind`. */
  protected sameValue(kind: ValueKind, a: number, b: number): void {
    const builder = this.builder;
    if (kind === 'i32') {
      builder.get(a);
      builder.get(b);
      builder.emit(numeric.i32.eq);
      return;
    }
    const float = kind as 'f32' | 'f64';
    const bitsKind = float === 'f32' ? 'i32' : 'i64';
    builder.get(a);
    builder.emit(numeric[float].reinterpret as number);
    builder.get(b);
    builder.emit(numeric[float].reinterpret as number, numeric[bitsKind].eq);
    for (const local of [a, b]) {
      builder.get(local);
      builder.get(local);
      builder.emit(numeric[float].ne);
    }
    builder.emit(numeric.i32.and, numeric.i32.or);
  }
}
