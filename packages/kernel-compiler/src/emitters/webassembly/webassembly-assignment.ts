import type { Expression } from '../../ir';
import type { ScalarType } from '../../types';
import { binary, convert, kindOf } from './numeric';
import { op } from './opcodes';
import { WebAssemblyAtomics } from './webassembly-atomics';
import type { GuardedElement } from './webassembly-bounds';
import { scalarOf } from './webassembly-values';

/** Assignments to locals, array elements and view fields, compound ones with C's conversion back to the target. */
export abstract class WebAssemblyAssignment extends WebAssemblyAtomics {
  /** An assignment; with `valueUsed`, pushes the assigned value (or the old one for postfix ++ and --). */
  assignment(expression: Extract<Expression, { kind: 'assign' }>, valueUsed: boolean): void {
    const builder = this.builder;
    const targetType = scalarOf(expression.type);
    const kind = kindOf(targetType);
    const { target } = expression;
    // Where the value goes: a local (scalar variable or vector component) or an element address.
    let local: number | undefined;
    let guarded: GuardedElement | undefined;
    let element: ScalarType = targetType;
    if (target.kind === 'variable') {
      const binding = builder.lookup(target.name);
      if (binding.kind !== 'scalar') throw new Error(`internal error: assigning to '${target.name}'`);
      local = binding.local;
    } else if (target.kind === 'component' && target.base.kind === 'variable' && target.index.kind === 'literal') {
      const binding = builder.lookup(target.base.name);
      if (binding.kind !== 'vector') throw new Error('internal error: assigning to a component');
      local = binding.locals[target.index.value];
    } else if (target.kind === 'index') {
      element = this.elementOf(target.array);
      guarded = this.guardedElement(target, target.array, target.index, element);
    } else throw new Error(`internal error: assigning to ${target.kind}`);
    const read = () => {
      if (local !== undefined) builder.get(local);
      else this.guardedLoad(guarded as GuardedElement, element);
    };
    const result = builder.addLocal(kind);
    let old: number | undefined;
    if (expression.operator === '=') {
      this.expression(expression.value);
      convert(builder, this.imports, scalarOf(expression.value.type), targetType);
    } else {
      const valueType = scalarOf(expression.value.type);
      const shift = expression.operator === '<<' || expression.operator === '>>' || expression.operator === '>>>';
      const computeType: ScalarType = shift ? (targetType === 'u32' ? 'u32' : 'i32') : valueType;
      read();
      if (expression.returnsOld && valueUsed) {
        old = builder.addLocal(kind);
        builder.tee(old);
      }
      convert(builder, this.imports, targetType, computeType);
      this.expression(expression.value);
      binary(builder, this.imports, expression.operator, computeType);
      convert(builder, this.imports, computeType, targetType);
    }
    if (local !== undefined) {
      if (valueUsed) builder.tee(local);
      else builder.set(local);
    } else {
      builder.set(result);
      this.guardedStore(guarded as GuardedElement, element, result);
      if (valueUsed) builder.get(result);
    }
    if (old !== undefined) {
      builder.emit(op.drop);
      builder.get(old);
    }
  }
}
