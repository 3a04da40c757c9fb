import { ParameterSet } from '../parameter-set/parameter-set';

/**
 * The untracked `alpaka` PSet CMSSW's modulePrevalidate adds to every alpaka module (`backend`, and the optional
 * `synchronize` that ProcessAcceleratorAlpaka fills from the process's setSynchronize): whether this module
 * waits for its queue at the end of produce and acquire instead of recording an event. Default false.
 */
export function synchronizeParameter(parameters: ParameterSet | undefined): boolean {
  const alpaka = parameters?.entry('alpaka');
  if (alpaka === undefined || !(alpaka.value instanceof ParameterSet)) return false;
  const synchronize = alpaka.value.entry('synchronize');
  return synchronize?.value === true;
}
