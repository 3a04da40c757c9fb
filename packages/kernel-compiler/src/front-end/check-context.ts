import type { Node } from 'acorn';
import type { Expression, FunctionIR, SharedArrayIR } from '../ir';
import type { ScalarType, ValueType } from '../types';
import { KernelCompileError } from './kernel-compile-error';
import { positionOf } from './parse-kernel-source';

export interface Binding {
  readonly name: string;
  readonly type: ValueType;
  readonly constant: boolean;
  readonly parameter: boolean;
  /** A specialised constant() parameter's value: uses become literals. */
  readonly value?: number | undefined;
}

/** What is being checked: the kernel itself, or one of its device functions (which returns `returns`). */
export type CheckMode =
  | { readonly kind: 'kernel' }
  | { readonly kind: 'function'; readonly name: string; readonly returns: ScalarType | undefined };

/** The device functions of one kernel compile, shared by the kernel's and its functions' contexts. */
export interface FunctionRegistry {
  /** Compiled functions, callees before callers. */
  readonly compiled: FunctionIR[];
  /** Functions being compiled now, to report recursion. */
  readonly inProgress: Set<unknown>;
  readonly byDefinition: Map<unknown, FunctionIR>;
}

/**
 * How deeply expressions may nest (`a + (b + (c + …))`). Checking and emitting recurse once per level, so a
 * machine-written expression thousands of levels deep would overflow the JavaScript stack: it is refused with
 * this limit instead, far above what C++ compilers must accept (63) and what kernels written by hand reach.
 */
export const maximumExpressionNesting = 256;

/** State shared by the statement and expression checkers of one kernel or device function. */
export class CheckContext {
  private expressionNesting = 0;
  private readonly scopes: Array<Map<string, Binding>> = [new Map()];
  readonly shared: SharedArrayIR[] = [];
  usesChecks = false;
  loopDepth = 0;
  /** Switches being checked: `break` leaves the innermost one. */
  switchDepth = 0;

  constructor(
    readonly kernelName: string,
    readonly accName: string,
    /** The work division's dimension this kernel is specialised for. */
    readonly dimension: number,
    readonly checkExpression: (node: Node, expected?: ScalarType) => Expression,
    readonly mode: CheckMode = { kind: 'kernel' },
    readonly functions: FunctionRegistry = { compiled: [], inProgress: new Set(), byDefinition: new Map() },
  ) {}

  /** Fails when a device function uses what only a kernel may: `what` names it, `instead` says what to do. */
  requireKernel(node: Node | undefined, what: string, instead: string): void {
    if (this.mode.kind === 'function')
      this.fail(node, `${what} is not available in device function '${this.mode.name}': ${instead}`);
  }

  /** Runs the check of one expression one level deeper, refusing expressions nested past the limit. */
  nested<T>(node: Node, check: () => T): T {
    if (this.expressionNesting >= maximumExpressionNesting) {
      this.fail(
        node,
        `this expression is nested more than ${maximumExpressionNesting} levels deep; split it into local variables (const partial = …).`,
      );
    }
    this.expressionNesting += 1;
    try {
      return check();
    } finally {
      this.expressionNesting -= 1;
    }
  }

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
