import type { ParameterSet } from '../parameter-set/parameter-set';
import { componentDescriptionFromParameters } from './component-description';
import { EventSetupRecordIntervalFinder } from './event-setup-record-interval-finder';

/**
 * CMSSW's ESSource base as far as alpaka-ts needs it: a module of the configuration (`cms.ESSource`) that
 * finds the IOVs of the records it declares with `findingRecord` (an EventSetupRecordIntervalFinder).
 * Constructed with its validated ParameterSet.
 */
export abstract class ESSource extends EventSetupRecordIntervalFinder {
  static readonly edmType = 'ESSource';
  readonly parameters: ParameterSet;

  constructor(parameters: ParameterSet) {
    super();
    this.parameters = parameters;
    this.componentDescription = componentDescriptionFromParameters(parameters, new.target.name);
  }
}
