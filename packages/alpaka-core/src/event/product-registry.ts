import { FrameworkError } from '../errors/framework-error';
import { friendlyProductTypeName, type ProductType, productTypeName } from '../modules/product-type';
import { InputTag } from '../parameter-set/input-tag';

/** CMSSW's BranchDescription: one product the job can hold, and the slot it has in every event. */
export interface ProductDescription {
  readonly slot: number;
  readonly productType: ProductType;
  readonly label: string;
  readonly instance: string;
  readonly process: string;
  /** `FriendlyType_label_instance_PROCESS`. */
  readonly branchName: string;
  /** The label of the module (or 'source') that puts it. */
  readonly producer: string;
}

/**
 * CMSSW's ProductRegistry with its ProductResolverIndexHelper: every product of the job gets a slot when the
 * schedule is built, and every consumes token is resolved to slots then, in CMSSW's process lookup order
 * (current process first, then earlier processes newest first), so events are arrays.
 */
export class ProductRegistry {
  readonly processName: string;
  /** Earlier processes (whose products come from the source), oldest first. */
  readonly processHistory: string[] = [];
  readonly descriptions: ProductDescription[] = [];
  readonly #byKey = new Map<string, ProductDescription[]>();

  constructor(processName: string) {
    this.processName = processName;
  }

  get size(): number {
    return this.descriptions.length;
  }

  add(
    productType: ProductType,
    label: string,
    instance: string,
    process: string,
    producer: string,
  ): ProductDescription {
    const key = productKey(label, instance, process);
    const sameKey = this.#byKey.get(key) ?? [];
    if (sameKey.some((other) => sameProductType(other.productType, productType))) {
      throw new FrameworkError(
        'InsertFailure',
        `addProductOrThrow: Problem found while adding product, product already exists for (${friendlyProductTypeName(productType)},${label},${instance},${process})\n`,
      );
    }
    if (process !== this.processName && !this.processHistory.includes(process)) this.processHistory.push(process);
    const description: ProductDescription = Object.freeze({
      slot: this.descriptions.length,
      productType,
      label,
      instance,
      process,
      branchName: `${friendlyProductTypeName(productType)}_${label}_${instance}_${process}`,
      producer,
    });
    this.descriptions.push(description);
    sameKey.push(description);
    this.#byKey.set(key, sameKey);
    return description;
  }

  /** The processes a tag's process field searches, in order. */
  lookupOrder(process: string): string[] {
    const earlier = this.processHistory.toReversed();
    if (process === '') return [this.processName, ...earlier];
    if (process === InputTag.skipCurrentProcess) return earlier;
    if (process === InputTag.currentProcess) return [this.processName];
    return [process];
  }

  /** The slots a consumer of (type, tag) may read, in lookup order (the first present one is used). */
  resolve(productType: ProductType, tag: InputTag): number[] {
    const slots: number[] = [];
    for (const process of this.lookupOrder(tag.process)) {
      const candidates = this.#byKey.get(productKey(tag.label, tag.instance, process));
      const match = candidates?.find((description) => sameProductType(description.productType, productType));
      if (match !== undefined) slots.push(match.slot);
    }
    return slots;
  }
}

function productKey(label: string, instance: string, process: string): string {
  return `${label}\u0000${instance}\u0000${process}`;
}

/** Two descriptors name the same type when they are the same object or carry the same type name. */
export function sameProductType(a: ProductType, b: ProductType): boolean {
  return a === b || productTypeName(a) === productTypeName(b);
}
