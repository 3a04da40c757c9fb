// Alpaka modules over a small SoA collection, shared by the alpaka layer's tests: a producer that fills it with a
// kernel, a device consumer that derives a second collection from it with another kernel, and a host analyzer
// that reads the host form (forcing the implicit copy on accelerators).

import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import { f64, kernel, makeWorkDiv, registerBackend, u32, view } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend, type MockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { collectionFor, PortableDeviceCollection, PortableHostCollection } from '@alpaka-ts/portable';
import { column, soaLayout } from '@alpaka-ts/soa-template';
import { alpakaProductType, type device, global, registerBackendIdentity, stream } from '../../src/alpaka/index';
import type { ConstEvent } from '../../src/event/event';
import * as hostGlobal from '../../src/modules/global-modules';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';

@soaLayout()
export class Points {
  @column(f64) x!: number;
  @column(f64) y!: number;
}

export const PointsCollection = alpakaProductType(PortableHostCollection, PortableDeviceCollection);

export const fillPoints = kernel('fillPoints', { points: view(Points), offset: f64 }, (acc, { points, offset }) => {
  for (const i of acc.uniformElements(points.size)) {
    points.x[i] = acc.f64(i) + offset;
    points.y[i] = acc.f64(i) * 2;
  }
});

export const scalePoints = kernel(
  'scalePoints',
  { input: view(Points, 'in'), output: view(Points, 'out'), factor: f64, n: u32 },
  (acc, { input, output, factor, n }) => {
    for (const i of acc.uniformElements(n)) {
      output.x[i] = input.x[i] * factor;
      output.y[i] = input.y[i] * factor;
    }
  },
);

/** The journal the modules write: what ran, with what they saw. */
export const journal: string[] = [];

/** Fills `size` points with x = i + offset, y = 2i on the event's queue. */
export class PointsProducer extends global.EDProducer {
  readonly #token = this.produces(PointsCollection);
  readonly #size: number;
  readonly #offset: number;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#size = parameters.getParameter<number>('size');
    this.#offset = parameters.exists('offset') ? parameters.getParameter<number>('offset') : 0;
  }

  produce(_streamID: number, event: device.Event): void {
    const queue = event.queue();
    const points = collectionFor(queue, Points, this.#size);
    void queue.exec(makeWorkDiv(this.runtime.accelerator(), 1, Math.max(this.#size, 1)), fillPoints, {
      points: points.view(),
      offset: this.#offset,
    });
    journal.push(`${this.moduleLabel}:produce:${event.id().event}`);
    event.put(this.#token, points);
  }
}

/** Reads `source` on the device and puts a copy scaled by `factor`. */
export class PointsScaler extends stream.EDProducer {
  readonly #input: device.EDGetToken<PortableHostCollection | PortableDeviceCollection>;
  readonly #output = this.produces(PointsCollection);
  readonly #factor: number;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#input = this.consumes(PointsCollection, parameters.getParameter<string>('source'));
    this.#factor = parameters.getParameter<number>('factor');
  }

  produce(event: device.Event): void {
    const input = event.get(this.#input);
    const queue = event.queue();
    const output = collectionFor(queue, Points, input.size);
    void queue.exec(makeWorkDiv(this.runtime.accelerator(), 1, Math.max(input.size, 1)), scalePoints, {
      input: input.constView(),
      output: output.view(),
      factor: this.#factor,
      n: input.size,
    });
    journal.push(`${this.moduleLabel}:produce:${event.id().event}`);
    event.put(this.#output, output);
  }
}

/** A host analyzer: the host collection of `source`, its x and y sums in the journal. */
export class PointsAnalyzer extends hostGlobal.EDAnalyzer {
  readonly #input;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#input = this.consumes(PortableHostCollection, parameters.getParameter<string>('source'));
  }

  analyze(_streamID: number, event: ConstEvent): void {
    const points = event.get(this.#input);
    const columns = points.constView().columns;
    let x = 0;
    let y = 0;
    for (let i = 0; i < points.size; i++) {
      x += columns.x?.[i] ?? Number.NaN;
      y += columns.y?.[i] ?? Number.NaN;
    }
    journal.push(`${this.moduleLabel}:analyze:${event.id().event}:${x}:${y}`);
  }
}

let mocks = 0;

/** A mock accelerator backend, registered under a fresh name with a Backend value of its own. */
export function registerMockBackend(
  options: { deviceCount?: number; stepping?: 'automatic' | 'manual' } = {},
): MockAcceleratorBackend {
  mocks += 1;
  const name = `mock_async_${mocks}`;
  const mock = createMockAcceleratorBackend({ name, kernelRunner: serialKernelRunner, ...options });
  registerBackend(mock);
  registerBackendIdentity(name, { value: 100 + mocks, typeSuffix: `MockAsync${mocks}` });
  return mock;
}
