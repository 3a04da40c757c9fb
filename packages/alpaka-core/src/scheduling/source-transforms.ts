import type { ProductRegistry } from '../event/product-registry';
import type { SourceTransformRegistration } from '../modules/ed-consumer-base';
import type { ConstructedModule } from './module-construction';
import type { SlotProducer } from './schedule-builder';

/** A Transformer product of a source product, offered by a consumer (SourceTransformRegistration). */
export interface SourceTransform {
  readonly sourceSlot: number;
  readonly resultSlot: number;
  /** The source product's branch name. */
  readonly branchName: string;
  readonly registration: SourceTransformRegistration;
}

/**
 * Adds to the registry the source transforms the job needs: for each consumer's offer whose token no product of
 * the job answers, while the product its tag finds first among the token's source type is one the source puts,
 * a product of the token's type under the source product's label, instance and process. Several consumers of
 * the same product share the first offer (the registry then answers the later ones). A source product whose
 * tag a module of this process also answers is left alone: host consumers read the module's, so would the copy.
 */
export function addSourceTransforms(
  registry: ProductRegistry,
  modules: readonly ConstructedModule[],
  slotProducers: (SlotProducer | undefined)[],
): SourceTransform[] {
  const transforms: SourceTransform[] = [];
  for (const module of modules) {
    for (const registration of module.registrations[0]?.sourceTransforms ?? []) {
      const { token } = registration;
      if (registry.resolve(token.productType, token.tag).length > 0) continue;
      const sourceSlot = registry.resolve(registration.sourceType, token.tag)[0];
      if (sourceSlot === undefined) continue;
      const source = registry.descriptions[sourceSlot];
      if (source === undefined || source.producer !== 'source') continue;
      const added = registry.add(token.productType, source.label, source.instance, source.process, 'source');
      slotProducers[added.slot] = { module: undefined, transform: transforms.length };
      transforms.push({ sourceSlot, resultSlot: added.slot, branchName: source.branchName, registration });
    }
  }
  return transforms;
}
