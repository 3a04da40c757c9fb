import {
  type CachingAllocatorConfigV1,
  type CachingAllocatorFillV1,
  Platform,
  registeredBackend,
} from '@alpaka-ts/interface';
import type { ProcessDescription } from '../configuration/process-description';
import { type AllocatorSettings, alpakaServiceName, alpakaServiceSettings } from './alpaka-service';

/** The fill* debugging settings as the contract's byte per step: a step whose flag is off writes nothing. */
function fillOf(settings: AllocatorSettings): CachingAllocatorFillV1 {
  return {
    ...(settings.fillAllocations ? { allocations: settings.fillAllocationValue } : {}),
    ...(settings.fillReallocations ? { reallocations: settings.fillReallocationValue } : {}),
    ...(settings.fillDeallocations ? { deallocations: settings.fillDeallocationValue } : {}),
    ...(settings.fillCaches ? { caches: settings.fillCacheValue } : {}),
  };
}

const allocatorConfig = (settings: AllocatorSettings): CachingAllocatorConfigV1 => ({
  binGrowth: settings.binGrowth,
  minBin: settings.minBin,
  maxBin: settings.maxBin,
  maxCachedBytes: Number(settings.maxCachedBytes),
  maxCachedFraction: settings.maxCachedFraction,
  fill: fillOf(settings),
});

/**
 * What CMSSW's AlpakaService<Backend> constructor does for a backend the job may use: configures the caching
 * allocators from its `hostAllocator` and `deviceAllocator` PSets, the fill* debugging settings included (a backend
 * without caching allocators has no `configureCachingAllocators`, and nothing is done), and with `verbose` says
 * what it found.
 */
export function applyAlpakaService(description: ProcessDescription, backendName: string): void {
  const settings = alpakaServiceSettings(description, backendName);
  if (!settings.enabled) return;
  const backend = registeredBackend(backendName);
  if (backend === undefined) return;
  backend.configureCachingAllocators?.({
    device: allocatorConfig(settings.deviceAllocator),
    host: allocatorConfig(settings.hostAllocator),
  });
  if (!settings.verbose) return;
  const devices = Platform.of(backend.platform()).devices();
  console.log(
    `%MSG-i AlpakaService: \n${alpakaServiceName(backendName)} succesfully initialised.\n` +
      `Found ${devices.length} device${devices.length === 1 ? '' : 's'}:\n` +
      devices.map((device) => `  - ${device.name}\n`).join('') +
      '%MSG',
  );
}
