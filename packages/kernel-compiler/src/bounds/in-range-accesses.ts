import type { Expression, KernelIR, KernelParameterIR, Statement } from '../ir';
import { childExpressions } from '../ir-children';
import { boundOfIndex, boundOfLoopExtent, type Meaning, type Scope } from './index-bounds';
import type { AccessExtent, IndexBound, LaunchRequirement } from './launch-requirements';
import { requirementKey } from './launch-requirements';

/**
 * Which array and view accesses of a kernel are in range whenever a few launch-time facts hold, so that a variant
 * of the kernel may skip their guards. The facts come from the loop helpers: inside
 * `for (const i of acc.uniformElements(n))` every i is below n by construction (each lowering stops its counter at
 * the extent), and when n is a literal, a kernel argument the kernel never assigns, or a view's size, n is known
 * when the kernel is launched. An access `x[i]` is then in range when `n <= x.length`: a requirement the backend
 * tests once per launch instead of testing i at every access.
 *
 * The analysis is conservative: an access is proven only when its index is a loop helper's variable (or its
 * .global, a component of an ND index, or a literal) and its array is an array or view argument or a static shared
 * array, with every name resolved through the same scopes the emitters use (a local that shadows a parameter is not
 * the parameter). Anything else (i + 1, a thread index, dynamic shared memory, an access in a device function) stays
 * guarded in every variant.
 */
export interface InRangeAnalysis {
  /** The `index` and `atomic` expressions of the kernel body whose index is inside its extent under `requirements`. */
  readonly accesses: ReadonlySet<Expression>;
  /** What must hold at launch, each listed once; empty when every proven access holds by construction. */
  readonly requirements: readonly LaunchRequirement[];
}

/** Names assigned anywhere in the body: a scalar argument assigned somewhere is no launch-time bound. */
function assignedNames(statements: readonly Statement[], names = new Set<string>()): Set<string> {
  const visit = (expression: Expression): void => {
    if (expression.kind === 'assign' && expression.target.kind === 'variable') names.add(expression.target.name);
    for (const child of childExpressions(expression)) visit(child);
  };
  forEachStatement(statements, {
    expression: visit,
    statements: (nested) => assignedNames(nested, names),
  });
  return names;
}

interface StatementVisitor {
  expression(expression: Expression): void;
  statements(statements: readonly Statement[]): void;
}

/** Visits each statement's own expressions and nested statement lists, in order, without tracking scopes. */
function forEachStatement(statements: readonly Statement[], visitor: StatementVisitor): void {
  for (const statement of statements) {
    switch (statement.kind) {
      case 'declare':
        if (statement.init) visitor.expression(statement.init);
        break;
      case 'expression':
        visitor.expression(statement.expression);
        break;
      case 'if':
        visitor.expression(statement.test);
        visitor.statements(statement.consequent);
        visitor.statements(statement.alternate);
        break;
      case 'for':
        visitor.statements(statement.init);
        if (statement.test) visitor.expression(statement.test);
        if (statement.update) visitor.expression(statement.update);
        visitor.statements(statement.body);
        break;
      case 'while':
        visitor.expression(statement.test);
        visitor.statements(statement.body);
        break;
      case 'loopHelper':
        for (const argument of statement.arguments) visitor.expression(argument);
        visitor.statements(statement.body);
        break;
      case 'switch':
        visitor.expression(statement.discriminant);
        for (const switchCase of statement.cases) visitor.statements(switchCase.body);
        break;
      case 'return':
        if (statement.value) visitor.expression(statement.value);
        break;
      case 'check':
        visitor.expression(statement.condition);
        break;
      case 'block':
        visitor.statements(statement.body);
        break;
      case 'break':
      case 'continue':
      case 'sync':
      case 'fence':
        break;
    }
  }
}

/** What an array expression is tested against, when that is known at launch. */
function extentOf(array: Expression, scope: Scope): AccessExtent | undefined {
  if (array.kind === 'viewField') {
    if (array.view.kind !== 'variable') return undefined;
    const view = scope.get(array.view.name);
    if (view?.kind !== 'viewParameter' || view.parameter.type.kind !== 'view') return undefined;
    const field = view.parameter.type.layout.fields.find((candidate) => candidate.name === array.field);
    if (!field) return undefined;
    if (field.kind === 'scalar') return { kind: 'literal', value: 1 };
    const multiplier = field.kind === 'arrayColumn' ? field.length : 1;
    return { kind: 'viewSize', parameter: view.parameter.name, multiplier };
  }
  if (array.kind !== 'variable') return undefined;
  const meaning = scope.get(array.name);
  if (meaning?.kind === 'arrayParameter') return { kind: 'arrayLength', parameter: meaning.parameter.name };
  if (meaning?.kind === 'sharedArray' && meaning.length !== undefined)
    return { kind: 'literal', value: meaning.length };
  return undefined;
}

/**
 * Whether `bound <= extent` holds whatever the launch (true: no requirement needed), fails whatever the launch
 * (false: the access stays guarded), or depends on the launch (undefined: a requirement).
 */
function decidedAtCompileTime(bound: IndexBound, extent: AccessExtent): boolean | undefined {
  if (bound.kind === 'literal' && bound.value === 0) return true;
  if (bound.kind === 'literal' && extent.kind === 'literal') return bound.value <= extent.value;
  const sameView = bound.kind === 'viewSize' && extent.kind === 'viewSize' && bound.parameter === extent.parameter;
  return sameView && extent.multiplier >= 1 ? true : undefined;
}

function initialScope(kernel: KernelIR): Scope {
  const assigned = assignedNames(kernel.body);
  const scope: Scope = new Map();
  for (const shared of kernel.shared) scope.set(shared.name, { kind: 'sharedArray', length: shared.length });
  // Parameters after the shared arrays, as the WebAssembly emitter binds them.
  const meaningOf = (parameter: KernelParameterIR): Meaning => {
    const { type } = parameter;
    if (type.kind === 'array') return { kind: 'arrayParameter', parameter };
    if (type.kind === 'view') return { kind: 'viewParameter', parameter };
    const integer = type.kind === 'scalar' && (type.scalar === 'u32' || type.scalar === 'i32');
    return integer && !assigned.has(parameter.local) ? { kind: 'scalarParameter', parameter } : { kind: 'other' };
  };
  for (const parameter of kernel.parameters) {
    if (parameter.value === undefined) scope.set(parameter.local, meaningOf(parameter));
  }
  return scope;
}

/** Proves what it can of the kernel body's accesses (device functions' accesses are never proven). */
export function analyseInRangeAccesses(kernel: KernelIR): InRangeAnalysis {
  const proven = new Set<Expression>();
  // An expression object met once proven and once not (never made by today's front end) is not proven.
  const refuted = new Set<Expression>();
  const requirements = new Map<string, LaunchRequirement>();

  const access = (node: Expression, array: Expression, index: Expression, scope: Scope): void => {
    const extent = extentOf(array, scope);
    const bound = extent && boundOfIndex(index, scope);
    const decided = bound && extent && decidedAtCompileTime(bound, extent);
    if (!extent || !bound || decided === false) {
      refuted.add(node);
      return;
    }
    proven.add(node);
    if (decided === true) return;
    const requirement = { bound, extent };
    requirements.set(requirementKey(requirement), requirement);
  };

  const expression = (node: Expression, scope: Scope): void => {
    if (node.kind === 'index' || node.kind === 'atomic') access(node, node.array, node.index, scope);
    for (const child of childExpressions(node)) expression(child, scope);
  };

  // Mirrors the emitters' scopes: each nested statement list is a scope, a declaration takes effect after its
  // initialiser, and a loop helper's variable is bound in a scope around its body.
  const statements = (list: readonly Statement[], scope: Scope): void => {
    for (const statement of list) {
      if (statement.kind === 'declare') {
        if (statement.init) expression(statement.init, scope);
        scope.set(statement.name, { kind: 'other' });
      } else if (statement.kind === 'for') {
        const loopScope: Scope = new Map(scope);
        statements(statement.init, loopScope);
        if (statement.test) expression(statement.test, loopScope);
        statements(statement.body, new Map(loopScope));
        if (statement.update) expression(statement.update, loopScope);
      } else if (statement.kind === 'loopHelper') {
        for (const argument of statement.arguments) expression(argument, scope);
        const bodyScope: Scope = new Map(scope);
        bodyScope.set(statement.variable, loopVariable(statement, scope));
        statements(statement.body, bodyScope);
      } else {
        forEachStatement([statement], {
          expression: (node) => expression(node, scope),
          statements: (nested) => statements(nested, new Map(scope)),
        });
      }
    }
  };

  statements(kernel.body, initialScope(kernel));
  for (const node of refuted) proven.delete(node);
  return { accesses: proven, requirements: [...requirements.values()] };
}

/** What a loop helper's variable stays below, as webassembly-loops.ts lowers each helper. */
function loopVariable(statement: Extract<Statement, { kind: 'loopHelper' }>, scope: Scope): Meaning {
  const args = statement.arguments;
  const last = args[args.length - 1];
  switch (statement.helper) {
    case 'uniformElements':
    case 'uniformElementsAlong':
    case 'independentGroupElements':
    case 'independentGroups':
      // (first, extent) or (extent): every value is below the extent (the first argument only raises the start).
      return { kind: 'bounded', bounds: [last && boundOfLoopExtent(last, scope)] };
    case 'uniformElementsND':
      return { kind: 'bounded', bounds: args.map((extent) => boundOfLoopExtent(extent, scope)) };
    case 'uniformGroupElements':
      // (group, extent): global below the extent (local is below the elements per thread: not used).
      return { kind: 'elementIndex', global: last && boundOfLoopExtent(last, scope) };
    case 'uniformGroups':
      // Below ceil(extent / elements), which no access extent is compared with.
      return { kind: 'other' };
  }
}
