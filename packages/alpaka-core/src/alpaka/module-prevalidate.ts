import type { ConfigurationDescriptions } from '../parameter-set/configuration-descriptions';
import { ParameterSetDescription } from '../parameter-set/parameter-set-description';

/** The untracked `alpaka` PSet every alpaka module takes: `backend` (default '') and an optional `synchronize`. */
export function alpakaModuleDescription(): ParameterSetDescription {
  const description = new ParameterSetDescription();
  description
    .addUntracked('backend', 'string', '')
    .setComment(
      'Alpaka backend for this module. Can be empty string (for the global default), or the name of any backend available for the job.',
    );
  // Optional, so that the resolver can tell an unset value (the process's setSynchronize applies) from false.
  description
    .addOptionalUntracked('synchronize', 'bool')
    .setComment(
      'On backends with an asynchronous queue, synchronize the host and device at the end of each module call.',
    );
  return description;
}

/**
 * CMSSW's modulePrevalidate (HeterogeneousCore/AlpakaCore/src/modulePrevalidate.cc): every description of an
 * alpaka module that lacks an `alpaka` parameter gets the untracked `alpaka` PSet, so the PSet the resolver
 * fills in validates, and fillDescriptions gives the same description whatever the backend.
 */
export function modulePrevalidate(descriptions: ConfigurationDescriptions): void {
  const all = [...descriptions.descriptions.map((entry) => entry.description), descriptions.defaultDescription];
  for (const description of all) {
    if (description !== undefined && !description.isLabelUsed('alpaka')) {
      description.addUntracked('alpaka', alpakaModuleDescription());
    }
  }
}
