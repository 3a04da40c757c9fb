import type { ElementTypeName, FenceScope } from '@alpaka-ts/interface';
import { elementTypes } from '@alpaka-ts/interface';
import type {
  CallExpression,
  Statement as EstreeStatement,
  ForOfStatement,
  Literal,
  Node,
  SwitchStatement,
  UnaryExpression,
  VariableDeclaration,
} from 'acorn';
import type { Expression, Statement } from '../ir';
import { isLoopHelper, loopHelperAxes } from '../loop-helpers';
import { describeType, isInteger, promoted, type ScalarType, type ValueType } from '../types';
import { expectArguments, literalArgument } from './call-arguments';
import type { CheckContext } from './check-context';
import { coerce, condition } from './conversions';

const elementTypeNames = Object.keys(elementTypes) as ElementTypeName[];
/** The name of the acc method a call invokes, when it is `acc.method(…)`. */
function accMethodOf(context: CheckContext, node: Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression') return undefined;
  const callee = (node as CallExpression).callee;
  if (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === context.accName &&
    callee.property.type === 'Identifier'
  ) {
    return callee.property.name;
  }
  return undefined;
}

/** An integer known when the kernel is compiled: a literal, or a constant() parameter it is specialised for. */
function compileTimeInteger(context: CheckContext, node: Node | undefined): number | undefined {
  if (node?.type === 'Identifier') {
    const value = context.lookup((node as unknown as { name: string }).name)?.value;
    return value !== undefined && Number.isInteger(value) ? value : undefined;
  }
  const value = node?.type === 'Literal' ? (node as Literal).value : undefined;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function integerLiteral(context: CheckContext, node: Node | undefined, what: string, call: Node): number {
  return (
    compileTimeInteger(context, node) ??
    context.fail(
      node ?? call,
      `${what} must be an integer literal or a constant() parameter the kernel is specialised for (a compile-time constant).`,
    )
  );
}

function u32Argument(context: CheckContext, node: Node, what: string): Expression {
  return coerce(context, node, context.checkExpression(node, 'u32'), 'u32', what);
}

function sharedDeclaration(
  context: CheckContext,
  declarator: Node,
  name: string,
  method: string,
  call: CallExpression,
): Statement[] {
  context.requireKernel(call, 'shared memory', 'declare it in the kernel and pass the array in as an argument.');
  const dynamic = method === 'dynamicSharedArray';
  const args = expectArguments(context, call, dynamic ? 1 : 2, dynamic ? 1 : 2, `acc.${method}`);
  const element = literalArgument(context, args[0], elementTypeNames, 'the element type', call);
  const length = dynamic ? undefined : integerLiteral(context, args[1], 'the length of a static shared array', call);
  if (length !== undefined && length <= 0) context.fail(args[1], 'a shared array needs at least one element.');
  if (dynamic && context.shared.some((shared) => shared.length === undefined && shared.element !== element)) {
    context.fail(call, 'the dynamic shared memory is already viewed with another element type in this kernel.');
  }
  const sharedName = `${name}`;
  context.shared.push({ name: sharedName, element, length });
  context.declare(declarator, {
    name: sharedName,
    type: { kind: 'array', element, access: 'inout', space: 'shared' },
    constant: true,
    parameter: false,
  });
  return [];
}

function declaration(context: CheckContext, node: VariableDeclaration): Statement[] {
  if (node.kind !== 'let' && node.kind !== 'const')
    context.fail(node, `'${node.kind}' is not in the kernel language; use let or const.`);
  const statements: Statement[] = [];
  for (const declarator of node.declarations) {
    if (declarator.id.type !== 'Identifier')
      context.fail(
        declarator.id,
        'destructuring declarations are not in the kernel language; index the vector instead (const x = index[0]).',
      );
    const name = declarator.id.type === 'Identifier' ? declarator.id.name : '';
    if (!declarator.init)
      context.fail(declarator, `'${name}' needs an initial value: a kernel variable's type comes from it.`);
    const method = accMethodOf(context, declarator.init);
    if (method === 'sharedArray' || method === 'dynamicSharedArray') {
      if (node.kind !== 'const') context.fail(node, `declare shared memory with const, not ${node.kind}.`);
      statements.push(...sharedDeclaration(context, declarator, name, method, declarator.init as CallExpression));
      continue;
    }
    const init = context.checkExpression(declarator.init as Node);
    const type: ValueType = init.type;
    if (type.kind === 'void') context.fail(declarator.init ?? declarator, `'${name}' cannot hold nothing (void).`);
    if (type.kind === 'view' || type.kind === 'function')
      context.fail(declarator, `'${name}' would name ${describeType(type)}; use the parameter itself.`);
    if (type.kind !== 'scalar' && node.kind !== 'const')
      context.fail(node, `'${name}' holds ${describeType(type)}; declare it const.`);
    context.declare(declarator, { name, type, constant: node.kind === 'const', parameter: false });
    statements.push({ kind: 'declare', name, type, constant: node.kind === 'const', init });
  }
  return statements;
}

function loopHelper(context: CheckContext, node: ForOfStatement): Statement {
  context.requireKernel(
    node,
    'an acc loop helper',
    'loop over the elements in the kernel and pass each index in as an argument.',
  );
  const left = node.left;
  if (
    left.type !== 'VariableDeclaration' ||
    left.declarations.length !== 1 ||
    left.declarations[0]?.id.type !== 'Identifier'
  ) {
    return context.fail(left, 'write for (const i of acc.uniformElements(n)) with one new variable.');
  }
  const variable = (left.declarations[0].id as { name: string }).name;
  const helper = accMethodOf(context, node.right);
  const call = node.right as CallExpression;
  if (!isLoopHelper(helper)) {
    return context.fail(
      node.right,
      'for…of loops in a kernel run over an acc loop helper: acc.uniformElements, uniformElementsAlong, uniformElementsND, uniformGroups, uniformGroupElements, independentGroups or independentGroupElements.',
    );
  }
  if (node.await) context.fail(node, "'for await' is not in the kernel language.");
  if (loopHelperAxes[helper] === 'first' && context.dimension !== 1) {
    context.fail(
      node.right,
      `acc.${helper} needs a 1-dimensional work division; this launch has ${context.dimension} dimensions (use uniformElementsAlong or uniformElementsND).`,
    );
  }
  let args: Expression[];
  let axis = 0;
  let variableType: ValueType = { kind: 'scalar', scalar: 'u32' };
  switch (helper) {
    case 'uniformElements':
    case 'independentGroupElements':
      args = expectArguments(context, call, 1, 2, `acc.${helper}`).map((argument) =>
        u32Argument(context, argument, `an argument of acc.${helper}`),
      );
      break;
    case 'uniformGroups':
    case 'independentGroups':
      args = expectArguments(context, call, 1, 1, `acc.${helper}`).map((argument) =>
        u32Argument(context, argument, `an argument of acc.${helper}`),
      );
      break;
    case 'uniformGroupElements':
      args = expectArguments(context, call, 2, 2, `acc.${helper}`).map((argument) =>
        u32Argument(context, argument, `an argument of acc.${helper}`),
      );
      variableType = { kind: 'elementIndex' };
      break;
    case 'uniformElementsAlong': {
      const [axisNode, ...rest] = expectArguments(context, call, 2, 3, 'acc.uniformElementsAlong');
      axis = integerLiteral(context, axisNode, 'the dimension of acc.uniformElementsAlong', call);
      if (axis < 0 || axis >= context.dimension)
        context.fail(axisNode, `dimension ${axis} is outside the ${context.dimension}-dimensional work division.`);
      args = rest.map((argument) => u32Argument(context, argument, 'an argument of acc.uniformElementsAlong'));
      break;
    }
    case 'uniformElementsND': {
      const [extentNode] = expectArguments(context, call, 1, 1, 'acc.uniformElementsND') as [Node];
      if (extentNode.type !== 'ArrayExpression')
        return context.fail(
          extentNode,
          'acc.uniformElementsND takes an array literal of extents: acc.uniformElementsND([rows, columns]).',
        );
      const components = (extentNode as unknown as { elements: Node[] }).elements;
      if (components.length !== context.dimension)
        context.fail(
          extentNode,
          `the extent has ${components.length} components; the work division has ${context.dimension}.`,
        );
      args = components.map((component) => u32Argument(context, component, 'an extent of acc.uniformElementsND'));
      variableType = { kind: 'vector', length: context.dimension };
      break;
    }
  }
  context.pushScope();
  context.declare(left, { name: variable, type: variableType, constant: left.kind === 'const', parameter: false });
  if (left.kind !== 'const') context.fail(left, 'the loop variable of an acc loop helper must be const.');
  context.loopDepth += 1;
  const body = checkBody(context, node.body);
  context.loopDepth -= 1;
  context.popScope();
  return { kind: 'loopHelper', helper, variable, variableType, dimension: axis, arguments: args, body };
}

function checkBody(context: CheckContext, node: Node): Statement[] {
  context.pushScope();
  const statements =
    node.type === 'BlockStatement'
      ? checkStatements(context, (node as unknown as { body: Node[] }).body)
      : checkStatement(context, node);
  context.popScope();
  return statements;
}

function expressionStatement(context: CheckContext, expression: Node): Statement[] {
  const method = accMethodOf(context, expression);
  const call = expression as CallExpression;
  if (method === 'syncBlockThreads' || method === 'check') {
    context.requireKernel(expression, `acc.${method}`, 'call it in the kernel.');
  }
  if (method === 'syncBlockThreads') {
    expectArguments(context, call, 0, 0, 'acc.syncBlockThreads');
    return [{ kind: 'sync' }];
  }
  if (method === 'memFence') {
    const [scopeNode] = expectArguments(context, call, 1, 1, 'acc.memFence');
    return [
      {
        kind: 'fence',
        scope: literalArgument<FenceScope>(context, scopeNode, ['block', 'grid', 'device'], 'the fence scope', call),
      },
    ];
  }
  if (method === 'check') {
    const [conditionNode, idNode] = expectArguments(context, call, 1, 2, 'acc.check') as [Node, Node | undefined];
    const id = idNode ? integerLiteral(context, idNode, 'the id of acc.check', call) : 0;
    context.usesChecks = true;
    return [
      { kind: 'check', condition: condition(context, conditionNode, context.checkExpression(conditionNode)), id },
    ];
  }
  return [{ kind: 'expression', expression: context.checkExpression(expression) }];
}

/** The value of a case label: an integer literal (C needs a constant), possibly negated. */
function caseValue(context: CheckContext, node: Node, type: ScalarType): number {
  const negative = node.type === 'UnaryExpression' && (node as UnaryExpression).operator === '-';
  const value = compileTimeInteger(context, negative ? (node as UnaryExpression).argument : node);
  if (value === undefined) {
    return context.fail(
      node,
      'a case label must be an integer literal or a specialised constant() (C needs a constant); use if / else if to compare with a variable.',
    );
  }
  const label = negative ? -value : value;
  if ((type === 'u32' ? label >>> 0 : label | 0) !== label)
    context.fail(node, `case ${label} is not a value of the switch's type ${type}.`);
  return label;
}

function switchStatement(context: CheckContext, node: SwitchStatement): Statement {
  const checked = context.checkExpression(node.discriminant);
  const type = checked.type.kind === 'scalar' ? checked.type.scalar : undefined;
  if (type === undefined || !isInteger(type)) {
    context.fail(
      node.discriminant,
      `a switch needs an integer value, not ${describeType(checked.type)}; convert it with acc.i32(…) or use if / else.`,
    );
  }
  const promotedType = promoted(type as ScalarType);
  const discriminant = coerce(context, node.discriminant, checked, promotedType, 'the switch value');
  const seen = new Set<number | undefined>();
  context.switchDepth += 1;
  const cases = node.cases.map((switchCase) => {
    const test = switchCase.test ? caseValue(context, switchCase.test, promotedType) : undefined;
    if (seen.has(test))
      context.fail(switchCase, test === undefined ? 'a switch has one default.' : `case ${test} appears twice.`);
    seen.add(test);
    // Each case is its own scope: C++ may not jump over a declaration into a later case.
    context.pushScope();
    const body = checkStatements(context, switchCase.consequent as Node[]);
    context.popScope();
    return { test, body };
  });
  context.switchDepth -= 1;
  return { kind: 'switch', discriminant, cases };
}

export function checkStatement(context: CheckContext, node: Node): Statement[] {
  const statement = node as EstreeStatement;
  switch (statement.type) {
    case 'VariableDeclaration':
      return declaration(context, statement);
    case 'ExpressionStatement':
      return expressionStatement(context, statement.expression);
    case 'BlockStatement':
      return [{ kind: 'block', body: checkBody(context, statement) }];
    case 'EmptyStatement':
      return [];
    case 'IfStatement':
      return [
        {
          kind: 'if',
          test: condition(context, statement.test, context.checkExpression(statement.test)),
          consequent: checkBody(context, statement.consequent),
          alternate: statement.alternate ? checkBody(context, statement.alternate) : [],
        },
      ];
    case 'ForStatement': {
      context.pushScope();
      const init = !statement.init
        ? []
        : statement.init.type === 'VariableDeclaration'
          ? declaration(context, statement.init)
          : [{ kind: 'expression' as const, expression: context.checkExpression(statement.init) }];
      const test = statement.test
        ? condition(context, statement.test, context.checkExpression(statement.test))
        : undefined;
      const update = statement.update ? context.checkExpression(statement.update) : undefined;
      context.loopDepth += 1;
      const body = checkBody(context, statement.body);
      context.loopDepth -= 1;
      context.popScope();
      return [{ kind: 'for', init, test, update, body }];
    }
    case 'WhileStatement':
    case 'DoWhileStatement': {
      const test = condition(context, statement.test, context.checkExpression(statement.test));
      context.loopDepth += 1;
      const body = checkBody(context, statement.body);
      context.loopDepth -= 1;
      return [{ kind: 'while', test, body, testFirst: statement.type === 'WhileStatement' }];
    }
    case 'ForOfStatement':
      return [loopHelper(context, statement)];
    case 'BreakStatement':
    case 'ContinueStatement': {
      const word = statement.type === 'BreakStatement' ? 'break' : 'continue';
      if (statement.label) context.fail(statement, `labelled ${word} is not in the kernel language.`);
      if (context.loopDepth === 0 && (word === 'continue' || context.switchDepth === 0))
        context.fail(statement, `'${word}' outside a loop${word === 'break' ? ' or switch' : ''}.`);
      return [{ kind: word }];
    }
    case 'ReturnStatement': {
      const { mode } = context;
      if (mode.kind === 'kernel' || mode.returns === undefined) {
        if (statement.argument) {
          context.fail(
            statement,
            mode.kind === 'kernel'
              ? 'a kernel returns nothing; write results into an array parameter.'
              : `device function '${mode.name}' is declared to return nothing.`,
          );
        }
        return [{ kind: 'return', value: undefined }];
      }
      if (!statement.argument) context.fail(statement, `device function '${mode.name}' must return a ${mode.returns}.`);
      const argument = statement.argument as Node;
      const value = coerce(
        context,
        argument,
        context.checkExpression(argument, mode.returns),
        mode.returns,
        'the returned value',
      );
      return [{ kind: 'return', value }];
    }
    case 'FunctionDeclaration':
      return context.fail(
        statement,
        'functions cannot be declared inside a kernel (no closures); declare a device function and pass it in.',
      );
    case 'ForInStatement':
      return context.fail(
        statement,
        "'for…in' is not in the kernel language; use a counted for loop or an acc loop helper.",
      );
    case 'SwitchStatement':
      return [switchStatement(context, statement)];
    case 'TryStatement':
    case 'ThrowStatement':
      return context.fail(
        statement,
        'exceptions are not in the kernel language; record failures with acc.check or into an array.',
      );
    default:
      return context.fail(statement, `${statement.type} is not in the kernel language.`);
  }
}

export function checkStatements(context: CheckContext, nodes: readonly Node[]): Statement[] {
  return nodes.flatMap((node) => checkStatement(context, node));
}

/** Whether every path through the statements ends in a return (for device functions that return a value). */
export function definitelyReturns(statements: readonly Statement[]): boolean {
  return statements.some((statement) => {
    if (statement.kind === 'return') return true;
    if (statement.kind === 'block') return definitelyReturns(statement.body);
    if (statement.kind === 'if')
      return definitelyReturns(statement.consequent) && definitelyReturns(statement.alternate);
    return false;
  });
}
