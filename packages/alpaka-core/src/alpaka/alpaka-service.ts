import type { ModuleDescription, ProcessDescription } from '../configuration/process-description';
import { convertException } from '../errors/convert-exception';
import { ParameterSet } from '../parameter-set/parameter-set';
import { ParameterSetDescription } from '../parameter-set/parameter-set-description';

/** The service type of each backend alpaka-ts ships (CMSSW's `ALPAKA_TYPE_ALIAS_NAME(AlpakaService)`). */
const knownServiceNames: Readonly<Record<string, string>> = {
  serial_sync: 'AlpakaServiceSerialSync',
  cuda_async: 'AlpakaServiceCudaAsync',
  rocm_async: 'AlpakaServiceROCmAsync',
};

/**
 * The AlpakaService type for a backend: CMSSW's three names, and for a third-party backend `AlpakaService`
 * followed by its name in PascalCase (`tbb_async` → `AlpakaServiceTbbAsync`).
 */
export function alpakaServiceName(backendName: string): string {
  const known = knownServiceNames[backendName];
  if (known !== undefined) return known;
  const pascal = backendName
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return `AlpakaService${pascal}`;
}

/** One CachingAllocator's settings (CMSSW's cms::alpakatools::AllocatorConfig). */
export interface AllocatorSettings {
  readonly binGrowth: number;
  readonly minBin: number;
  readonly maxBin: number;
  readonly maxCachedBytes: bigint;
  readonly maxCachedFraction: number;
  readonly fillAllocations: boolean;
  readonly fillAllocationValue: number;
  readonly fillReallocations: boolean;
  readonly fillReallocationValue: number;
  readonly fillDeallocations: boolean;
  readonly fillDeallocationValue: number;
  readonly fillCaches: boolean;
  readonly fillCacheValue: number;
}

/** An AlpakaService's settings, validated, defaults filled in. */
export interface AlpakaServiceSettings {
  readonly enabled: boolean;
  readonly verbose: boolean;
  readonly hostAllocator: AllocatorSettings;
  readonly deviceAllocator: AllocatorSettings;
}

/** AlpakaService.cc's createAllocatorConfig(): AllocatorConfig's defaults, each parameter untracked. */
function allocatorDescription(): ParameterSetDescription {
  const description = new ParameterSetDescription();
  description
    .addUntracked('binGrowth', 'uint32', 2)
    .setComment('Bin growth factor (bin_growth in cub::CachingDeviceAllocator)');
  description
    .addUntracked('minBin', 'uint32', 8)
    .setComment(
      'Smallest bin, corresponds to binGrowth^minBin bytes (min_bin in cub::CachingDeviceAllocator).\n8 corresponds to 256 bytes.',
    );
  description
    .addUntracked('maxBin', 'uint32', 30)
    .setComment(
      'Largest bin, corresponds to binGrowth^maxBin bytes (max_bin in cub::CachingDeviceAllocator).\n30 corresponds do 1 GiB.\nNote that unlike in cub, allocations larger than binGrowth^maxBin are set to fail.',
    );
  description
    .addUntracked('maxCachedBytes', 'uint64', 0n)
    .setComment('Total storage for the allocator; 0 means no limit.');
  description
    .addUntracked('maxCachedFraction', 'double', 0.8)
    .setComment(
      'Fraction of total device memory taken for the allocator; 0 means no limit.\nIf both maxCachedBytes and maxCachedFraction are non-zero, the smallest resulting value is used.',
    );
  const fills = [
    ['fillAllocations', 'fillAllocationValue', 0xa5],
    ['fillReallocations', 'fillReallocationValue', 0x69],
    ['fillDeallocations', 'fillDeallocationValue', 0x5a],
    ['fillCaches', 'fillCacheValue', 0x96],
  ] as const;
  for (const [flag, value, byte] of fills) {
    description.addUntracked(flag, 'bool', false);
    description.addUntracked(value, 'uint32', byte);
  }
  return description;
}

/** AlpakaService's fillDescriptions: the same description for every backend. */
export function alpakaServiceDescription(): ParameterSetDescription {
  const description = new ParameterSetDescription();
  description.addUntracked('enabled', 'bool', true);
  description.addUntracked('verbose', 'bool', false);
  description
    .addUntracked('hostAllocator', allocatorDescription())
    .setComment("Configuration for the host's CachingAllocator");
  description
    .addUntracked('deviceAllocator', allocatorDescription())
    .setComment("Configuration for the devices' CachingAllocator");
  return description;
}

/** A service description of an AlpakaService with every default written out (what its cfi holds). */
export function defaultAlpakaService(backendName: string): ModuleDescription {
  const type = alpakaServiceName(backendName);
  const parameters = new ParameterSet()
    .addParameter('@module_label', 'string', type)
    .addParameter('@module_type', 'string', type)
    .addParameter('@module_edm_type', 'string', 'Service');
  alpakaServiceDescription().validate(parameters);
  return { label: type, type, edmType: 'Service', parameters };
}

/** The AlpakaService the configuration has for a backend, if any. */
export function findAlpakaService(description: ProcessDescription, backendName: string): ModuleDescription | undefined {
  const type = alpakaServiceName(backendName);
  return (description.services ?? []).find((service) => service.type === type);
}

/**
 * A backend's AlpakaService settings from the process description, validated against AlpakaService's
 * fillDescriptions (a Configuration error, 8009, names the service), defaults filled in; without such a
 * service, the defaults. Applying the allocator settings is each backend's business.
 */
export function alpakaServiceSettings(description: ProcessDescription, backendName: string): AlpakaServiceSettings {
  const service = findAlpakaService(description, backendName);
  const parameters = service === undefined ? new ParameterSet() : service.parameters.clone();
  try {
    alpakaServiceDescription().validate(parameters);
  } catch (thrown) {
    throw convertException(thrown).addContext(
      `Validating configuration of service: class=${service?.type ?? alpakaServiceName(backendName)}`,
    );
  }
  return {
    enabled: parameters.getUntrackedParameter<boolean>('enabled'),
    verbose: parameters.getUntrackedParameter<boolean>('verbose'),
    hostAllocator: allocatorSettings(parameters.getUntrackedParameter<ParameterSet>('hostAllocator')),
    deviceAllocator: allocatorSettings(parameters.getUntrackedParameter<ParameterSet>('deviceAllocator')),
  };
}

function allocatorSettings(set: ParameterSet): AllocatorSettings {
  const read = <T>(name: string) => set.getUntrackedParameter<T>(name);
  return {
    binGrowth: read('binGrowth'),
    minBin: read('minBin'),
    maxBin: read('maxBin'),
    maxCachedBytes: read('maxCachedBytes'),
    maxCachedFraction: read('maxCachedFraction'),
    fillAllocations: read('fillAllocations'),
    // CMSSW keeps the byte only (static_cast<uint8_t>).
    fillAllocationValue: read<number>('fillAllocationValue') & 0xff,
    fillReallocations: read('fillReallocations'),
    fillReallocationValue: read<number>('fillReallocationValue') & 0xff,
    fillDeallocations: read('fillDeallocations'),
    fillDeallocationValue: read<number>('fillDeallocationValue') & 0xff,
    fillCaches: read('fillCaches'),
    fillCacheValue: read<number>('fillCacheValue') & 0xff,
  };
}
