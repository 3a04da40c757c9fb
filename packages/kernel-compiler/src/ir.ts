import type { FenceScope, Hierarchy, Origin, Unit } from '@alpaka-ts/interface';
import type { ScalarType, ValueType } from './types';

/**
 * The typed, backend-neutral IR of one kernel: a tree of statements and expressions in which every
 * expression carries its type, every name is resolved (parameter, local, or shared array), and every
 * accelerator call is a specific node. Emitters turn it into JavaScript, CUDA C++ or HIP C++.
 */
/**
 * The version of this IR, what `@alpaka-ts/kernel-compiler/ir` promises third-party emitters. Bumped whenever a
 * node is added, removed or changes meaning; registerEmitter refuses emitters written for another version.
 */
export const irVersion = 1;
export type IrVersion = typeof irVersion;

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>' | '>>>';
export type CompareOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type UnaryOperator = '-' | '+' | '!' | '~';

export type Expression =
  | { readonly kind: 'literal'; readonly type: ValueType; readonly value: number }
  | { readonly kind: 'variable'; readonly type: ValueType; readonly name: string }
  /** Component of an index vector or element index: vector[index] or element.global. */
  | { readonly kind: 'component'; readonly type: ValueType; readonly base: Expression; readonly index: Expression }
  | { readonly kind: 'field'; readonly type: ValueType; readonly base: Expression; readonly field: 'global' | 'local' }
  | { readonly kind: 'index'; readonly type: ValueType; readonly array: Expression; readonly index: Expression }
  /**
   * A field of a view as an array: a column, an array column (length values per element), a scalar (one
   * value, at index 0), or coefficient `coefficient` (column-major) of a matrix column.
   */
  | {
      readonly kind: 'viewField';
      readonly type: ValueType;
      readonly view: Expression;
      readonly field: string;
      readonly coefficient: Expression | undefined;
    }
  /** A view's element count (u32). */
  | { readonly kind: 'viewSize'; readonly type: ValueType; readonly view: Expression }
  /** Arithmetic in `type` (the operands are already converted to it). */
  | {
      readonly kind: 'binary';
      readonly type: ValueType;
      readonly operator: BinaryOperator;
      readonly left: Expression;
      readonly right: Expression;
    }
  /** Integer division truncating toward zero: Math.trunc(a / b) with integer operands. */
  | { readonly kind: 'integerDivide'; readonly type: ValueType; readonly left: Expression; readonly right: Expression }
  | {
      readonly kind: 'compare';
      readonly type: ValueType;
      readonly operator: CompareOperator;
      readonly left: Expression;
      readonly right: Expression;
    }
  | {
      readonly kind: 'logical';
      readonly type: ValueType;
      readonly operator: '&&' | '||';
      readonly left: Expression;
      readonly right: Expression;
    }
  | { readonly kind: 'unary'; readonly type: ValueType; readonly operator: UnaryOperator; readonly operand: Expression }
  | {
      readonly kind: 'conditional';
      readonly type: ValueType;
      readonly test: Expression;
      readonly consequent: Expression;
      readonly alternate: Expression;
    }
  /** A value converted to another scalar type, explicitly (acc.i32) or implicitly (C's conversions). */
  | { readonly kind: 'convert'; readonly type: ValueType; readonly value: Expression }
  | {
      readonly kind: 'math';
      readonly type: ValueType;
      readonly function: string;
      readonly arguments: readonly Expression[];
    }
  | {
      readonly kind: 'index3';
      readonly type: ValueType;
      readonly query: 'getIdx' | 'getWorkDiv';
      readonly origin: Origin;
      readonly unit: Unit;
    }
  | { readonly kind: 'once'; readonly type: ValueType; readonly scope: 'grid' | 'block' }
  | {
      readonly kind: 'syncPredicate';
      readonly type: ValueType;
      readonly reduction: 'count' | 'and' | 'or';
      readonly predicate: Expression;
    }
  | {
      readonly kind: 'atomic';
      readonly type: ValueType;
      readonly operation: AtomicOperation;
      readonly array: Expression;
      readonly index: Expression;
      readonly operands: readonly Expression[];
      readonly hierarchy: Hierarchy;
    }
  | {
      readonly kind: 'warp';
      readonly type: ValueType;
      readonly operation: WarpOperation;
      readonly arguments: readonly Expression[];
    }
  /** A call of a device function (KernelIR.functions, by id). */
  | {
      readonly kind: 'call';
      readonly type: ValueType;
      readonly function: string;
      readonly arguments: readonly Expression[];
    }
  /** Comma expression (minifiers write them): every part in order, the value of the last. */
  | { readonly kind: 'sequence'; readonly type: ValueType; readonly expressions: readonly Expression[] }
  | { readonly kind: 'vectorLiteral'; readonly type: ValueType; readonly components: readonly Expression[] }
  | {
      readonly kind: 'assign';
      readonly type: ValueType;
      readonly target: Expression;
      readonly operator: '=' | BinaryOperator;
      readonly value: Expression;
      readonly prefix: boolean;
      readonly returnsOld: boolean;
    };

export type AtomicOperation = 'Add' | 'Sub' | 'Min' | 'Max' | 'Exch' | 'Inc' | 'Dec' | 'And' | 'Or' | 'Xor' | 'Cas';
export type WarpOperation =
  | 'getSize'
  | 'activeMask'
  | 'all'
  | 'any'
  | 'ballot'
  | 'shfl'
  | 'shflUp'
  | 'shflDown'
  | 'shflXor';

export type LoopHelper =
  | 'uniformElements'
  | 'uniformElementsAlong'
  | 'uniformElementsND'
  | 'uniformGroups'
  | 'uniformGroupElements'
  | 'independentGroups'
  | 'independentGroupElements';

export type Statement =
  | {
      readonly kind: 'declare';
      readonly name: string;
      readonly type: ValueType;
      readonly constant: boolean;
      readonly init: Expression | undefined;
    }
  | { readonly kind: 'expression'; readonly expression: Expression }
  | {
      readonly kind: 'if';
      readonly test: Expression;
      readonly consequent: readonly Statement[];
      readonly alternate: readonly Statement[];
    }
  | {
      readonly kind: 'for';
      readonly init: readonly Statement[];
      readonly test: Expression | undefined;
      readonly update: Expression | undefined;
      readonly body: readonly Statement[];
    }
  | {
      readonly kind: 'while';
      readonly test: Expression;
      readonly body: readonly Statement[];
      readonly testFirst: boolean;
    }
  /** for (const v of acc.<helper>(...)): the emitter lowers it to counted loops for its accelerator. */
  | {
      readonly kind: 'loopHelper';
      readonly helper: LoopHelper;
      readonly variable: string;
      readonly variableType: ValueType;
      readonly dimension: number;
      readonly arguments: readonly Expression[];
      readonly body: readonly Statement[];
    }
  /** C's switch over an integer: case labels are literals in order (undefined: default); bodies fall through. */
  | {
      readonly kind: 'switch';
      readonly discriminant: Expression;
      readonly cases: readonly { readonly test: number | undefined; readonly body: readonly Statement[] }[];
    }
  | { readonly kind: 'break' }
  | { readonly kind: 'continue' }
  /** Ends the thread (in a kernel) or returns a value (in a device function). */
  | { readonly kind: 'return'; readonly value: Expression | undefined }
  | { readonly kind: 'sync' }
  | { readonly kind: 'fence'; readonly scope: FenceScope }
  | { readonly kind: 'check'; readonly condition: Expression; readonly id: number }
  | { readonly kind: 'block'; readonly body: readonly Statement[] };

export interface KernelParameterIR {
  readonly name: string;
  /** The name the kernel body binds it to (bundlers rename locals; parameter names come from the signature). */
  readonly local: string;
  readonly type: ValueType;
  readonly constant: boolean;
  /**
   * The value of a constant() parameter the kernel is specialised for: every use reads it as a literal, and the
   * C++ entry has no such parameter (undefined: passed at launch like a scalar).
   */
  readonly value?: number | undefined;
}

export interface SharedArrayIR {
  readonly name: string;
  readonly element: ScalarType;
  /** Elements, for static shared memory; undefined for the dynamic shared array. */
  readonly length: number | undefined;
}

/** A device function the kernel calls, directly or through another device function. */
export interface FunctionIR {
  /** Unique in the module: the kernel's name and the function's. */
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly KernelParameterIR[];
  /** The return type; undefined for a function that returns nothing. */
  readonly returns: ScalarType | undefined;
  readonly body: readonly Statement[];
}

export interface KernelIR {
  readonly name: string;
  readonly parameters: readonly KernelParameterIR[];
  /** Device functions, callees before their callers. */
  readonly functions: readonly FunctionIR[];
  readonly shared: readonly SharedArrayIR[];
  readonly body: readonly Statement[];
  /** Whether the body uses acc.check (the launch must pass a check buffer). */
  readonly usesChecks: boolean;
}
