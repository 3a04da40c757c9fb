// HeterogeneousCore/AlpakaTest/interface/ESTestData.h: the host EventSetup inputs, one int each. Three classes,
// not one, because the EventSetup tells products apart by type, as CMSSW's three classes are.

/** cms::alpakatest::ESTestDataA, made by TestESProducerA in AlpakaESTestRecordA. */
export class ESTestDataA {
  static readonly productTypeName = 'cms::alpakatest::ESTestDataA';
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/** cms::alpakatest::ESTestDataB, made by TestESProducerB in AlpakaESTestRecordB. */
export class ESTestDataB {
  static readonly productTypeName = 'cms::alpakatest::ESTestDataB';
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/** cms::alpakatest::ESTestDataC, made by TestESProducerC in AlpakaESTestRecordC. */
export class ESTestDataC {
  static readonly productTypeName = 'cms::alpakatest::ESTestDataC';
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}
