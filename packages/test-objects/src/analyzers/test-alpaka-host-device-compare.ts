import {
  type ConfigurationDescriptions,
  type ConstEvent,
  global,
  type InputTag,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { TestHostCollection } from '../data-formats/test-collections';
import { assertFailure } from './analyzer-failure';

/**
 * HeterogeneousCore/AlpakaTest/plugins/TestAlpakaHostDeviceCompare.cc: the same producer run on the host
 * (`srcHost`, a serial_sync clone) and on the job's backend (`srcDevice`, copied to the host) must give
 * collections of the same size whose x differ by `expectedXdiff` (0 when both ran on the same backend).
 */
export class TestAlpakaHostDeviceCompare extends global.EDAnalyzer {
  readonly #host = this.consumes(TestHostCollection, this.parameters.getUntrackedParameter<InputTag>('srcHost'));
  readonly #device = this.consumes(TestHostCollection, this.parameters.getUntrackedParameter<InputTag>('srcDevice'));
  readonly #expectedXdiff = this.parameters.getUntrackedParameter<number>('expectedXdiff');

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.addUntracked('srcHost', 'InputTag');
    description.addUntracked('srcDevice', 'InputTag');
    description.addUntracked('expectedXdiff', 'double', 0);
    descriptions.addWithDefaultLabel(description);
  }

  analyze(_streamID: number, event: ConstEvent): void {
    const place = { moduleLabel: this.moduleLabel, event };
    const host = event.get(this.#host).constView();
    const device = event.get(this.#device).constView();
    if (host.size !== device.size) {
      // CMSSW's wording: "Comparison of <what> failed, expected difference <e> but got <d>, host value … device value …".
      const difference = host.size - device.size;
      const headline = `Comparison of metadata().size() failed, expected difference 0 but got ${difference}, host value ${host.size} device value ${device.size}`;
      throw assertFailure(place, headline, {
        field: 'size',
        expected: host.size,
        seen: device.size,
      });
    }
    const hostX = host.columns.x as Float64Array;
    const deviceX = device.columns.x as Float64Array;
    for (let i = 0; i < host.size; i++) {
      const difference = (hostX[i] as number) - (deviceX[i] as number);
      if (difference !== this.#expectedXdiff) {
        throw assertFailure(
          place,
          `Comparison of view[${i}].x() failed, expected difference ${this.#expectedXdiff} but got ${difference}, host value ${hostX[i]} device value ${deviceX[i]}`,
          { field: 'x (host - device)', index: i, expected: this.#expectedXdiff, seen: difference },
        );
      }
    }
  }
}
