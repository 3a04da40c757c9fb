// DataFormats/TestObjects/interface/ToyProducts.h: edmtest::IntProduct, the int the test configurations pass
// between modules (IntProducer's `ivalue`).

/** edmtest::IntProduct { int value; }. */
export class IntProduct {
  static readonly productTypeName = 'edmtest::IntProduct';
  constructor(readonly value: number) {}
}
