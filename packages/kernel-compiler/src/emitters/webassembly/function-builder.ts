import {
  ByteWriter,
  emptyBlockType,
  type FunctionBody,
  type FunctionType,
  type ValueKind,
  valueTypeCode,
} from './binary-writer';
import { op } from './opcodes';

/** What a name in the kernel refers to while its function is written. */
export type Binding =
  | { readonly kind: 'scalar'; readonly local: number }
  | { readonly kind: 'vector'; readonly locals: readonly number[] }
  | { readonly kind: 'elementIndex'; readonly global: number; readonly local: number }
  /**
   * A global or shared array: locals holding its address and its length (every access is guarded), or a fixed
   * offset into the block's shared memory.
   */
  | { readonly kind: 'array'; readonly local: number; readonly length: number }
  | { readonly kind: 'sharedArray'; readonly offset: number | undefined }
  /** A view: one address per field, a coefficient stride (bytes) per matrix field, and the element count. */
  | {
      readonly kind: 'view';
      readonly fields: ReadonlyMap<string, { readonly address: number; readonly stride: number | undefined }>;
      readonly size: number;
    };

/** What a structured block is for: the target of break, of continue, or of a kernel's return. */
interface ControlEntry {
  readonly breaks: boolean;
  readonly continues: boolean;
  readonly endsBlock: boolean;
}

/**
 * One function's code while it is written: its locals (parameters first), the nesting of its blocks, and the
 * names in scope. Branch depths are computed from the nesting, so emitters name targets by purpose.
 */
export class FunctionBuilder {
  readonly code = new ByteWriter();
  readonly callSites: number[] = [];
  private readonly locals: ValueKind[] = [];
  private readonly control: ControlEntry[] = [];
  private readonly scopes: Array<Map<string, Binding>> = [new Map()];

  constructor(readonly type: FunctionType) {}

  get parameterCount(): number {
    return this.type.parameters.length;
  }

  addLocal(kind: ValueKind): number {
    this.locals.push(kind);
    return this.type.parameters.length + this.locals.length - 1;
  }

  /** The finished function, for encodeModule. */
  body(): FunctionBody {
    return { type: this.type, locals: this.locals, code: this.code, callSites: this.callSites };
  }

  // --- names ---

  pushScope(): void {
    this.scopes.push(new Map());
  }

  popScope(): void {
    this.scopes.pop();
  }

  bind(name: string, binding: Binding): void {
    (this.scopes[this.scopes.length - 1] as Map<string, Binding>).set(name, binding);
  }

  lookup(name: string): Binding {
    for (let index = this.scopes.length - 1; index >= 0; index--) {
      const binding = this.scopes[index]?.get(name);
      if (binding) return binding;
    }
    throw new Error(`internal error: '${name}' is not bound in the WebAssembly emitter`);
  }

  // --- structured control ---

  open(
    opcode: typeof op.block | typeof op.loop | typeof op.if,
    purpose: Partial<ControlEntry> = {},
    result?: ValueKind,
  ): void {
    this.code.byte(opcode).byte(result ? valueTypeCode[result] : emptyBlockType);
    this.control.push({ breaks: false, continues: false, endsBlock: false, ...purpose });
  }

  else(): void {
    this.code.byte(op.else);
  }

  close(): void {
    this.control.pop();
    this.code.byte(op.end);
  }

  /** Depth of the innermost open block that serves `purpose`. */
  private depthOf(purpose: keyof ControlEntry): number {
    for (let index = this.control.length - 1; index >= 0; index--) {
      if (this.control[index]?.[purpose]) return this.control.length - 1 - index;
    }
    throw new Error(`internal error: no enclosing block for ${purpose}`);
  }

  branch(purpose: keyof ControlEntry): void {
    this.code.byte(op.br).unsigned(this.depthOf(purpose));
  }

  /** br to the innermost enclosing block (depth 0) or loop. */
  branchTo(depth: number, conditional: boolean): void {
    this.code.byte(conditional ? op.brIf : op.br).unsigned(depth);
  }

  // --- small instruction helpers ---

  get(local: number): void {
    this.code.byte(op.localGet).unsigned(local);
  }

  set(local: number): void {
    this.code.byte(op.localSet).unsigned(local);
  }

  tee(local: number): void {
    this.code.byte(op.localTee).unsigned(local);
  }

  getGlobal(global: number): void {
    this.code.byte(op.globalGet).unsigned(global);
  }

  setGlobal(global: number): void {
    this.code.byte(op.globalSet).unsigned(global);
  }

  i32(value: number): void {
    this.code.byte(op.i32Const).signed(value | 0);
  }

  i64(value: bigint): void {
    this.code.byte(op.i64Const).signed64(value);
  }

  constant(kind: ValueKind, value: number): void {
    if (kind === 'i32') this.i32(value);
    else if (kind === 'i64') this.i64(BigInt(value));
    else if (kind === 'f32') this.code.byte(op.f32Const).f32(value);
    else this.code.byte(op.f64Const).f64(value);
  }

  /** Calls the module's function `index` (among defined functions; encodeModule adds the imports). */
  callDefined(index: number): void {
    this.code.byte(op.call);
    this.callSites.push(this.code.length);
    this.code.paddedUnsigned(index);
  }

  emit(...opcodes: number[]): void {
    for (const opcode of opcodes) this.code.byte(opcode);
  }

  /** A load or store with its memory argument (alignment log2, byte offset). */
  memory(opcode: number, alignment: number, offset = 0): void {
    this.code.byte(opcode).unsigned(alignment).unsigned(offset);
  }
}
