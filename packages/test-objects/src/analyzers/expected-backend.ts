import {
  type EDGetToken,
  InputTag,
  type ParameterSet,
  type ParameterSetDescription,
  type ProductType,
  productTypes,
} from '@alpaka-ts/core';
import { backendToString, toBackend } from '@alpaka-ts/core/alpaka';
import { assertFailure, type CheckPlace } from './analyzer-failure';

/**
 * The analyzers' optional `expectBackend` check (TestAlpakaAnalyzer, TestAlpakaObjectAnalyzer): the backend the
 * source's producer put under instance "backend" must be the expected one.
 */
export interface BackendExpectation {
  readonly expected: number;
  readonly token: EDGetToken<number>;
}

/** Adds `expectBackend` with CMSSW's default and comment. */
export function describeExpectBackend(description: ParameterSetDescription): void {
  description
    .add('expectBackend', 'string', '')
    .setComment(
      'Expected backend of the input collection. Empty value means to not perform the check. Default: empty string',
    );
}

/** Consumes the producer's backend product when `expectBackend` is set; undefined when it is empty. */
export function expectBackendOf(
  parameters: ParameterSet,
  source: InputTag,
  consumes: (type: ProductType<number>, tag: InputTag) => EDGetToken<number>,
): BackendExpectation | undefined {
  const expectBackend = parameters.getParameter<string>('expectBackend');
  if (expectBackend === '') return undefined;
  return {
    expected: toBackend(expectBackend),
    token: consumes(productTypes.unsignedShort, new InputTag(source.label, 'backend', source.process)),
  };
}

/** CMSSW's "Expected input backend X, got Y" Assert, when the expectation is set and not met. */
export function checkBackend(place: CheckPlace, expectation: BackendExpectation | undefined): void {
  if (expectation === undefined) return;
  const backend = place.event.get(expectation.token);
  if (backend === expectation.expected) return;
  const expected = backendToString(expectation.expected);
  const seen = backendToString(backend);
  throw assertFailure(place, `Expected input backend ${expected}, got ${seen}`, { field: 'backend', expected, seen });
}
