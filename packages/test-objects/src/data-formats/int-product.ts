// DataFormats/TestObjects/interface/ToyProducts.h's edmtest::IntProduct: one int, what IntProducer puts and the
// stream producers of HeterogeneousCore/AlpakaTest read.

/** edmtest::IntProduct { int value; }. */
export class IntProduct {
  static readonly productTypeName = 'edmtest::IntProduct';
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}
