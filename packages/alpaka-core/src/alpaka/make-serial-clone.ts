import { cloneWithType, type Module } from '../configuration/module-builders';
import type { ParameterOverrides } from '../configuration/parameter-builders';
import { pythonError } from '../configuration/python-errors';

const explicitPrefixes = ['alpaka_serial_sync::', 'alpaka_cuda_async::', 'alpaka_rocm_async::'];

/**
 * CMSSW's makeSerialClone (HeterogeneousCore/AlpakaCore/python/functions.py): a clone of an alpaka module
 * (`Name@alpaka` or an explicit `alpaka_<backend>::Name`), overrides applied, that always runs on serial_sync:
 * its type becomes `alpaka_serial_sync::Name` and its `alpaka` PSet is dropped (the resolver leaves explicit
 * types alone). Anything else is Python's TypeError.
 */
export function makeSerialClone(module: Module, overrides?: ParameterOverrides): Module {
  const type = module.type_();
  let base: string | undefined;
  if (type.endsWith('@alpaka')) base = type.slice(0, -'@alpaka'.length);
  else {
    const prefix = explicitPrefixes.find((candidate) => type.startsWith(candidate));
    if (prefix !== undefined) base = type.slice(prefix.length);
  }
  if (base === undefined) {
    throw pythonError(
      'TypeError',
      `cms.${module.edmType_()}("${type}") is not an alpaka-based module, and cannot be used with makeSerialClone()`,
    );
  }
  const copy = cloneWithType(module, `alpaka_serial_sync::${base}`, overrides);
  if (copy.parameterNames_().includes('alpaka')) delete copy.alpaka;
  return copy;
}
