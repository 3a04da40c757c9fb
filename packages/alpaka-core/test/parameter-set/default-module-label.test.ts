import { describe, expect, it } from 'vitest';
import { defaultModuleLabel } from '../../src/parameter-set/default-module-label';

describe('defaultModuleLabel (CMSSW defaultModuleLabel.cc)', () => {
  it.each([
    ['TestAlpakaProducer@alpaka', 'testAlpakaProducer'],
    ['TestAlpakaProducer', 'testAlpakaProducer'],
    ['HLTFilter', 'hltFilter'],
    ['ABC', 'abc'],
    ['A', 'a'],
    ['intProducer', 'intProducer'],
    ['EDAnalyzer', 'edAnalyzer'],
    // Colons are removed, not the namespace: the C++ rule then sees a lower-case start and changes nothing.
    ['alpaka_serial_sync::TestAlpakaProducer', 'alpaka_serial_syncTestAlpakaProducer'],
    ['edmtest::IntProducer', 'edmtestIntProducer'],
    ['Ns::HLTPrescaler', 'nsHLTPrescaler'],
    ['ABC@alpaka', 'abc'],
    ['AB1C', 'aB1C'],
    ['X2', 'x2'],
    ['', ''],
  ])('%s → %s', (name, label) => {
    expect(defaultModuleLabel(name)).toBe(label);
  });
});
