import { FrameworkError } from '../errors/framework-error';
import type { EDGetToken, EDPutToken } from '../modules/ed-get-token';
import { friendlyProductTypeName, productTypeName } from '../modules/product-type';

/** CMSSW's ProductNotFound (8006) from Principal::getByToken, with its "Looking for" lines. */
export function productNotFoundError(token: EDGetToken): FrameworkError {
  const tag = token.tag;
  let message =
    'Principal::getByToken: Found zero products matching all criteria\n' +
    `Looking for type: ${productTypeName(token.productType)}\n` +
    `Looking for module label: ${tag.label}\n` +
    `Looking for productInstanceName: ${tag.instance}\n`;
  if (tag.process !== '') message += `Looking for process: ${tag.process}\n`;
  return new FrameworkError('ProductNotFound', message);
}

/** CMSSW's GetByLabelWithoutRegistration: a get with a token this module did not get from consumes/mayConsume. */
export function getWithoutRegistrationError(token: EDGetToken | unknown, moduleLabel: string): FrameworkError {
  const described =
    typeof token === 'object' && token !== null && 'tag' in token && 'productType' in token
      ? (token as EDGetToken)
      : undefined;
  let message = '::getByLabel without corresponding call to consumes or mayConsumes for this module.\n';
  if (described !== undefined) {
    message +=
      `  type: ${productTypeName(described.productType)}\n` +
      `  module label: ${described.tag.label}\n` +
      `  product instance name: '${described.tag.instance}'\n` +
      `  process name: '${described.tag.process}'\n`;
  }
  message += `Call this.consumes(...) in the constructor of module '${moduleLabel}' and use the token it returns.\n`;
  // CMSSW throws cms::Exception("GetByLabelWithoutRegistration"): a category of its own, exit code 8001.
  return new FrameworkError('GetByLabelWithoutRegistration', message);
}

/** CMSSW's InsertFailure for a put with a token that is not one of this module's produces. */
export function unregisteredPutError(
  token: EDPutToken | unknown,
  moduleLabel: string,
  processName: string,
): FrameworkError {
  let message = "Illegal attempt to 'put' an unregistered product.\n";
  if (typeof token === 'object' && token !== null && 'productType' in token && 'instance' in token) {
    const put = token as EDPutToken;
    message +=
      'No product is registered for\n' +
      `  product friendly class name: '${friendlyProductTypeName(put.productType)}'\n` +
      `  module label: '${moduleLabel}'\n` +
      `  product instance name: '${put.instance}'\n` +
      `  process name: '${processName}'\n`;
  }
  message += "The module must call 'produces' in its constructor and put with the token that call returned.\n";
  return new FrameworkError('InsertFailure', message);
}

/** CMSSW's InsertFailure for a second put of the same product. */
export function secondPutError(branchName: string): FrameworkError {
  return new FrameworkError('InsertFailure', `Attempt to insert more than one product on branch ${branchName}\n`);
}

/** A put of undefined/null (CMSSW: a null unique_ptr). */
export function nullPutError(branchName: string): FrameworkError {
  return new FrameworkError(
    'InsertFailure',
    `put: Cannot put because the product is null or undefined (branch ${branchName}).\n`,
  );
}
