import { FrameworkError } from '../errors/framework-error';

/**
 * CMSSW's NoProductResolverException (category "NoProductResolverException", exit code 8001): no ESSource or
 * ESProducer of the job delivers this (type, record, label), or none with the ESInputTag's module label.
 */
export function noProductResolverException(
  recordName: string,
  typeName: string,
  productLabel: string,
  moduleLabelDoesNotMatch: boolean,
): FrameworkError {
  let message = `Cannot find EventSetup module to produce data of type "${typeName}" in\nrecord "${recordName}" with product label "${productLabel}".\n`;
  if (moduleLabelDoesNotMatch) {
    message +=
      'An ESSource or ESProducer is configured to produce this data, but the\n' +
      'ESInputTag in the configuration also requires a specific module label.\n' +
      'The preferred module to produce this data in the configuration has a\n' +
      'different module label.\n' +
      'Please ensure that there is an ESSource or ESProducer configured with\n' +
      'the requested module label that both produces this data and is selected\n' +
      'as the preferred provider for this data.';
  } else {
    message += 'Please add an ESSource or ESProducer to your job which can deliver this data.\n';
  }
  return new FrameworkError('NoProductResolverException', message);
}

/**
 * Two ES modules deliver the same (type, record, label) and the ESInputTag names no module: CMSSW would need an
 * ESPrefer, which alpaka-ts does not have, so the consumer must name one.
 */
export function ambiguousESProductException(
  recordName: string,
  typeName: string,
  productLabel: string,
  candidates: readonly string[],
): FrameworkError {
  return new FrameworkError(
    'Configuration',
    `More than one EventSetup module produces data of type "${typeName}" in\nrecord "${recordName}" with product label "${productLabel}": ${candidates.join(' and ')}.\n` +
      'Select one with the module label of the ESInputTag (ESInputTag("moduleLabel", "dataLabel")), or remove the others from the job.',
  );
}
