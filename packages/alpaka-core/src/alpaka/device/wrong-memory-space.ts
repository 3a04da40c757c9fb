import { FrameworkError } from '../../errors/framework-error';
import { type ProductType, productTypeName } from '../../modules/product-type';
import type { EDPutToken } from './ed-tokens';

/**
 * A put of a product of the wrong memory space (a device collection on serial_sync, a host collection on an
 * accelerator): what CMSSW's ASSERT_DEVICE_MATCHES_HOST_COLLECTION and the type of `device::EDPutToken` rule
 * out at compile time, checked here at the put.
 */
export function wrongMemorySpaceError(
  token: EDPutToken,
  product: unknown,
  expected: ProductType,
  backendName: string,
): FrameworkError {
  const got =
    typeof product === 'object' && product !== null
      ? product.constructor.name
      : product === null
        ? 'null'
        : typeof product;
  return new FrameworkError(
    'LogicError',
    `The product put with the device token of instance '${token.instance}' is a ${got}, but on the ${backendName} backend that token takes a ${productTypeName(expected)}. ` +
      `Make the product for the event's queue (collectionFor(event.queue(), …) picks the type of the backend).`,
  );
}
