import { FrameworkError } from '../errors/framework-error';
import type { ESGetToken } from '../event-setup/es-get-token';
import type { EventSetup, EventSetupProvider } from '../event-setup/event-setup-provider';
import { productTypeName } from '../modules/product-type';

/** CMSSW's NoProductResolverException text for a token nobody can deliver. */
export function noProductResolverError(token: ESGetToken): FrameworkError {
  return new FrameworkError(
    'NoProductResolverException',
    `Cannot find EventSetup module to produce data of type "${productTypeName(token.productType)}" in\n` +
      `record "${token.record.recordName}" with product label "${token.tag.data}".\n` +
      'Please add an ESSource or ESProducer to your job which can deliver this data.\n',
  );
}

const emptyEventSetup: EventSetup = {
  prefetch(tokens: readonly ESGetToken[]): Promise<void> | undefined {
    if (tokens.length === 0) return undefined;
    return Promise.reject(noProductResolverError(tokens[0] as ESGetToken));
  },
  get<T>(token: ESGetToken<T>): T {
    throw noProductResolverError(token);
  },
  hasRecord(): boolean {
    return false;
  },
};

/** The EventSetup of a job with no ESProducers or ESSources (used when no provider factory is given). */
export function createNoEventSetupProvider(): EventSetupProvider {
  return {
    async beginJob(): Promise<void> {},
    eventSetupFor(): EventSetup {
      return emptyEventSetup;
    },
    async endJob(): Promise<void> {},
  };
}
