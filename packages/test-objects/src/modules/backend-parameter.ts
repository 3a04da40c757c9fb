import {
  FrameworkError,
  type ParameterSet,
  ParameterSetDescription,
  type ParameterValue,
  type ScalarParameterTypeName,
} from '@alpaka-ts/core';

// CMSSW's per-backend PSets (`size = cms.PSet(alpaka_serial_sync = …, alpaka_cuda_async = …, alpaka_rocm_async = …)`):
// one value per backend, of which a module reads only its own, the key being its accelerator namespace
// (EDM_STRINGIZE(ALPAKA_ACCELERATOR_NAMESPACE)). Here the namespace is `alpaka_<backend name>`, the name of the
// backend the module was bound to (`this.runtime.name` of an alpaka module or ESProducer).

/** The keys of CMSSW's descriptions, one per backend CMSSW builds. */
export const builtInBackendParameterKeys = ['alpaka_serial_sync', 'alpaka_cuda_async', 'alpaka_rocm_async'] as const;

/** The key of a backend in a per-backend PSet: its accelerator namespace, `alpaka_<name>`. */
export function backendParameterKey(backend: { readonly name: string }): string {
  return `alpaka_${backend.name}`;
}

/**
 * The description of a per-backend PSet: the three keys of CMSSW's (required, or with `defaultValue` where
 * CMSSW gives one), and, for backends CMSSW does not have (third-party ones, the mock accelerator of the tests),
 * any further key of the same type: the description is the same whatever the backend, as CMSSW's is.
 */
export function backendParameterDescription(
  type: ScalarParameterTypeName,
  defaultValue?: ParameterValue,
): ParameterSetDescription {
  const description = new ParameterSetDescription();
  for (const key of builtInBackendParameterKeys) {
    if (defaultValue === undefined) description.add(key, type);
    else description.add(key, type, defaultValue as never);
  }
  description.addWildcard('*', type);
  return description;
}

/**
 * The running backend's value of the per-backend PSet `name` (CMSSW:
 * `config.getParameter<edm::ParameterSet>(name).getParameter<T>(EDM_STRINGIZE(ALPAKA_ACCELERATOR_NAMESPACE))`).
 * A PSet without the backend's key is a Configuration error naming the PSet and the key.
 */
export function backendParameter<T extends ParameterValue>(
  parameters: ParameterSet,
  name: string,
  backend: { readonly name: string },
): T {
  const perBackend = parameters.getParameter<ParameterSet>(name, 'PSet');
  const key = backendParameterKey(backend);
  if (!perBackend.exists(key)) {
    throw new FrameworkError(
      'Configuration',
      `MissingParameter: The per-backend parameter set '${name}' has no value for the running backend: '${key}' was not specified.`,
    );
  }
  return perBackend.getParameter<T>(key);
}
