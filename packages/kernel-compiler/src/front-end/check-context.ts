import type { Node } from 'acorn';
import type { Expression, SharedArrayIR } from '../ir';
import type { ScalarType, ValueType } from '../types';
import { KernelCompileError } from './kernel-compile-error';
import { positionOf } from './parse-kernel-source';

export interface Binding {
  readonly name: string;
  readonly type: ValueType;
  readonly constant: boolean;
  readonly parameter: boolean;
}

/** State shared by the statement and expression checkers of one kernel. */
export class CheckContext {
  private readonly scopes: Array<Map<string, Binding>> = [new Map()];
  readonly shared: SharedArrayIR[] = [];
  usesChecks = false;
  loopDepth = 0;

  constructor(
    readonly kernelName: string,
    readonly accName: string,
    /** The work division's dimension this kernel is specialised for. */
    readonly dimension: number,
    readonly checkExpression: (node: Node, expected?: ScalarType) => Expression,
  ) {}

  fail(node: Node | undefined, reason: string): never {
    throw new KernelCompileError(this.kernelName, positionOf(node), reason);
  }

  pushScope(): void {
    this.scopes.push(new Map());
  }

  popScope(): void {
    this.scopes.pop();
  }

  declare(node: Node, binding: Binding): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope) this.fail(node, 'internal error: no scope');
    if (binding.name === this.accName)
      this.fail(node, `'${binding.name}' is the accelerator parameter; pick another name.`);
    if (scope.has(binding.name)) this.fail(node, `'${binding.name}' is already declared in this block.`);
    scope.set(binding.name, binding);
  }

  lookup(name: string): Binding | undefined {
    for (let index = this.scopes.length - 1; index >= 0; index--) {
      const found = this.scopes[index]?.get(name);
      if (found) return found;
    }
    return undefined;
  }
}
