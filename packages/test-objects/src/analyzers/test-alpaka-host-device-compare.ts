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
      throw assertFailure(place, `Host size ${host.size} and device size ${device.size} differ`, {
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
          `Index ${i} host x ${hostX[i]} and device x ${deviceX[i]} differ by ${difference}, expected ${this.#expectedXdiff}`,
          { field: 'x (host - device)', index: i, expected: this.#expectedXdiff, seen: difference },
        );
      }
    }
  }
}
