import type { FenceScope } from '@alpaka-ts/interface';
import type { CallExpression, Statement as EstreeStatement, Node, SwitchStatement, UnaryExpression } from 'acorn';
import type { Statement } from '../ir';
import { describeType, isInteger, promoted, type ScalarType } from '../types';
import { expectArguments, literalArgument } from './call-arguments';
import type { CheckContext } from './check-context';
import { declaration } from './check-declarations';
import { loopHelper } from './check-loop-helpers';
import { coerce, condition } from './conversions';
import { accMethodOf, compileTimeInteger, integerLiteral } from './statement-arguments';

export function checkBody(context: CheckContext, node: Node): Statement[] {
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
      return [loopHelper(context, statement, checkBody)];
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
