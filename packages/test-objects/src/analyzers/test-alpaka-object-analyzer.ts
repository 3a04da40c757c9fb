import {
  type ConfigurationDescriptions,
  type ConstEvent,
  global,
  type InputTag,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { TestHostObject, TestStruct } from '../data-formats/test-objects';
import { assertFailure, type CheckPlace } from './analyzer-failure';
import { checkBackend, describeExpectBackend, expectBackendOf } from './expected-backend';

/** What TestAlpakaProducer's fillObject writes (CMSSW's analyzer checks the same literals). */
const expectedObject = { x: 5, y: 12, z: 13, id: 42 } as const;

/**
 * HeterogeneousCore/AlpakaTest/plugins/TestAlpakaObjectAnalyzer.cc: reads the TestHostObject an alpaka producer
 * put and checks that its value lives in its own buffer and is {5, 12, 13, 42}, and optionally the backend.
 */
export class TestAlpakaObjectAnalyzer extends global.EDAnalyzer {
  readonly #source: InputTag = this.parameters.getParameter<InputTag>('source');
  readonly #object = this.consumes(TestHostObject, this.#source);
  readonly #expectBackend = expectBackendOf(this.parameters, this.#source, (type, tag) => this.consumes(type, tag));

  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('source', 'InputTag');
    describeExpectBackend(description);
    descriptions.addWithDefaultLabel(description);
  }

  analyze(_streamID: number, event: ConstEvent): void {
    const place = { moduleLabel: this.moduleLabel, event };
    const product = event.get(this.#object);
    checkHeldInBuffer(place, product);
    const value = product.value;
    for (const [field, expected] of Object.entries(expectedObject)) {
      if (value[field] !== expected) {
        throw assertFailure(place, `Check failed: TestHostObject .${field} is not what fillObject wrote`, {
          field: `TestHostObject .${field}`,
          expected,
          seen: value[field],
        });
      }
    }
    checkBackend(place, this.#expectBackend);
  }
}

/**
 * CMSSW's `product.buffer().data() == product.data()`: the value is read from the product's own buffer. Here
 * value's accessors are compared with the bytes of buffer(), read directly at each field's offset.
 */
function checkHeldInBuffer(place: CheckPlace, product: TestHostObject): void {
  const bytes = product.buffer.hostArray() as Uint8Array;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const field of TestStruct.fields) {
    const direct =
      field.elementType.byteSize === 8 ? view.getFloat64(field.offset, true) : view.getInt32(field.offset, true);
    const seen = product.value[field.name];
    if (!Object.is(direct, seen)) {
      throw assertFailure(place, 'Check failed: the TestHostObject value is not held in its buffer', {
        field: `TestHostObject .${field.name}`,
        expected: `${direct} (the buffer's bytes)`,
        seen,
      });
    }
  }
}
