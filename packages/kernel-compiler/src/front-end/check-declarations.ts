// Declarations: const and let with their types, and shared memory (acc.sharedArray, acc.dynamicSharedArray).
import type { ElementTypeName } from '@alpaka-ts/interface';
import { elementTypes } from '@alpaka-ts/interface';
import type { CallExpression, Node, VariableDeclaration } from 'acorn';
import type { Statement } from '../ir';
import { describeType, type ValueType } from '../types';
import { expectArguments, literalArgument } from './call-arguments';
import type { CheckContext } from './check-context';
import { accMethodOf, integerLiteral } from './statement-arguments';

const elementTypeNames = Object.keys(elementTypes) as ElementTypeName[];
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

export function declaration(context: CheckContext, node: VariableDeclaration): Statement[] {
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
