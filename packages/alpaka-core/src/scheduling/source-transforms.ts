import { FrameworkError } from '../errors/framework-error';
import type { ProductRegistry } from '../event/product-registry';
import { productTypeName } from '../modules/product-type';
import type { ConstructedModule } from './module-construction';
import type { SlotProducer } from './schedule-builder';

/** A Transformer product of a source product, offered by a consumer (SourceTransformRegistration). */
export interface SourceTransform {
  readonly sourceSlot: number;
  readonly resultSlot: number;
  /** The source product's branch name. */
  readonly branchName: string;
  /** The module whose offer makes it: its instance of each stream runs the transform, under its lock. */
  readonly module: ConstructedModule;
  /** The offer's index among the module's sourceTransforms (the same in every instance). */
  readonly offer: number;
}

/**
 * Adds to the registry the source transforms the job needs. A module's own product answers first: an offer is
 * taken only when no module of the job puts the token's type under its tag. The offer is for the source product
 * the token's tag finds first among the source type (what a host consumer of the tag reads), and makes a product
 * of the token's type under that product's label, instance and process; so consumers of different processes'
 * products get different copies, and consumers of the same product share one, whatever the order of the modules.
 * Offers of one product from different domains (alpaka backends) are refused: one copy cannot serve both.
 */
export function addSourceTransforms(
  registry: ProductRegistry,
  modules: readonly ConstructedModule[],
  slotProducers: (SlotProducer | undefined)[],
): SourceTransform[] {
  const transforms: SourceTransform[] = [];
  const made = new Map<string, SourceTransform>();
  for (const module of modules) {
    (module.registrations[0]?.sourceTransforms ?? []).forEach((registration, offer) => {
      const { token } = registration;
      // Answered by a module, or put by the source itself: only slots of other offers leave the token open.
      const answered = registry
        .resolve(token.productType, token.tag)
        .some((slot) => slotProducers[slot]?.module !== undefined || slotProducers[slot] === undefined);
      if (answered) return;
      const sourceSlot = registry.resolve(registration.sourceType, token.tag)[0];
      const source = sourceSlot === undefined ? undefined : registry.descriptions[sourceSlot];
      if (sourceSlot === undefined || source === undefined || source.producer !== 'source') return;
      const key = `${sourceSlot}\u0000${productTypeName(token.productType)}`;
      const existing = made.get(key);
      if (existing !== undefined) {
        checkSameDomain(existing, module, offer, source.branchName);
        return;
      }
      const added = registry.add(token.productType, source.label, source.instance, source.process, 'source');
      slotProducers[added.slot] = { module: undefined, transform: transforms.length };
      const transform = { sourceSlot, resultSlot: added.slot, branchName: source.branchName, module, offer };
      transforms.push(transform);
      made.set(key, transform);
    });
  }
  return transforms;
}

function checkSameDomain(existing: SourceTransform, module: ConstructedModule, offer: number, branch: string): void {
  const first = existing.module.registrations[0]?.sourceTransforms[existing.offer]?.domain ?? '';
  const second = module.registrations[0]?.sourceTransforms[offer]?.domain ?? '';
  if (first === second) return;
  throw new FrameworkError(
    'Configuration',
    `The modules '${existing.module.description.label}' (${first}) and '${module.description.label}' (${second}) both read ${branch} from the source in their own memory space; one source product is copied to one backend per job.\nRun both modules on one backend, or let a module of each backend make its own copy.`,
  );
}
