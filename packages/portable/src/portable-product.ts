import { AlpakaError, type Buffer, type u8 } from '@alpaka-ts/interface';

/** Use of a product after its ownership was transferred. */
export class ProductMovedError extends AlpakaError {
  constructor(what: string) {
    super(
      'ALPAKA_PRODUCT_MOVED',
      `this ${what} was transferred (transfer()) and no longer owns its memory; use the object transfer() returned.`,
    );
  }
}

/**
 * What every portable collection and object is: the one owner of one buffer. CMSSW's products are move-only;
 * a JavaScript reference cannot be, so ownership moves explicitly: transfer() returns a new product over the same
 * memory and the old one throws on every later use, so two owners never hold one buffer by accident.
 */
export abstract class PortableProduct {
  private ownedBuffer: Buffer<typeof u8> | undefined;

  protected constructor(buffer: Buffer<typeof u8>) {
    this.ownedBuffer = buffer;
  }

  /** The product's memory: one buffer of bytes. Throws ProductMovedError after transfer(). */
  get buffer(): Buffer<typeof u8> {
    if (this.ownedBuffer === undefined) throw new ProductMovedError(this.constructor.name);
    return this.ownedBuffer;
  }

  /** Whether transfer() has moved this product's memory to another owner. */
  get isMoved(): boolean {
    return this.ownedBuffer === undefined;
  }

  /** Moves ownership to a new product of the same class over the same memory; this one is dead afterwards. */
  transfer(): this {
    const buffer = this.buffer;
    const moved = Object.assign(Object.create(Object.getPrototypeOf(this) as object) as this, this);
    moved.ownedBuffer = buffer;
    moved.forgetDerivedState();
    this.ownedBuffer = undefined;
    this.forgetDerivedState();
    return moved;
  }

  /** Drops what was derived from the buffer (cached views), so neither owner shares it after transfer(). */
  protected forgetDerivedState(): void {}
}
