import { FrameworkError } from '../errors/framework-error';

const category = 'MakeDataException';

/**
 * CMSSW's eventsetup::MakeDataException: what a get of an EventSetup product throws when its producer returned
 * no product (a null unique_ptr: CMSSW's ESProductResolver::getAfterPrefetch). Prefetching such a product
 * succeeds; only reading it fails, so a module that checks first (the alpaka ESProducer's implicit copy to the
 * device) can treat it as a missing product.
 */
export function makeDataException(recordName: string, typeName: string, dataLabel: string): FrameworkError {
  return new FrameworkError(category, `Error while making data "${typeName}" "${dataLabel}" in Record ${recordName}`);
}

/** Whether an error is a MakeDataException (a product its producer did not make). */
export function isMakeDataException(error: unknown): boolean {
  return error instanceof FrameworkError && error.category === category;
}
