// The modules the alpaka layer's GPU checks run (alpaka-layer-checks.mjs): a producer of a hit collection, a
// device consumer that scales it, a SynchronizingEDProducer, a host analyzer that checks every element, and an
// ESProducer with a host and a device product read through device::EventSetup. `seen` is what they saw.
import { defineRecord, global as hostGlobal, productTypes } from '@alpaka-ts/core';
import { alpakaProductType, ESProducer, global, stream } from '@alpaka-ts/core/alpaka';
import { divideUpBy, f32, host, kernel, makeWorkDiv, u32, view } from '@alpaka-ts/interface';
import { collectionFor, PortableDeviceCollection, PortableHostCollection } from '@alpaka-ts/portable';
import { defineLayout } from '@alpaka-ts/soa-template';

const Hits = defineLayout('LayerCheckHits', [
  { kind: 'column', name: 'x', elementType: f32 },
  { kind: 'column', name: 'y', elementType: f32 },
]);
const HitsCollection = alpakaProductType(PortableHostCollection, PortableDeviceCollection);
const fill = kernel('layerCheckFill', { hits: view(Hits, 'out'), n: u32, offset: f32 }, (acc, { hits, n, offset }) => {
  for (const i of acc.uniformElements(n)) {
    hits.x[i] = acc.f32(i) + offset;
    hits.y[i] = acc.f32(2) * i;
  }
});
const scale = kernel(
  'layerCheckScale',
  { input: view(Hits, 'in'), output: view(Hits, 'out'), n: u32, factor: f32 },
  (acc, { input, output, n, factor }) => {
    for (const i of acc.uniformElements(n)) {
      output.x[i] = input.x[i] * factor;
      output.y[i] = input.y[i] * factor;
    }
  },
);
const division = (runtime, n) => makeWorkDiv(runtime.accelerator(), divideUpBy(n, 128), 128);

/** A new collection holding `input` scaled by `factor`, made by a kernel on `queue`. */
function scaledCopy(runtime, queue, input, factor) {
  const output = collectionFor(queue, Hits, input.size);
  void queue.exec(division(runtime, input.size), scale, {
    input: input.constView(),
    output: output.view(),
    n: input.size,
    factor,
  });
  return output;
}

/** What the modules saw, per check. */
export const seen = { queues: new Map(), values: [], backendValues: [], emptyAtProduce: [], producerQueues: [] };

export class CheckProducer extends global.EDProducer {
  #token = this.produces(HitsCollection);
  #size;
  constructor(parameters) {
    super(parameters);
    this.#size = parameters.getParameter('size');
  }
  produce(streamID, event) {
    const queue = event.queue();
    seen.queues.set(`${this.moduleLabel}:${streamID}:${event.id().event}`, queue);
    seen.producerQueues.push({ label: this.moduleLabel, queue });
    const hits = collectionFor(queue, Hits, this.#size);
    void queue.exec(division(this.runtime, this.#size), fill, { hits: hits.view(), n: this.#size, offset: 0.5 });
    event.put(this.#token, hits);
  }
}

export class CheckScaler extends stream.EDProducer {
  #input;
  #output = this.produces(HitsCollection);
  #factor;
  constructor(parameters) {
    super(parameters);
    this.#input = this.consumes(HitsCollection, parameters.getParameter('source'));
    this.#factor = parameters.getParameter('factor');
  }
  produce(event) {
    const input = event.get(this.#input);
    const queue = event.queue();
    seen.queues.set(`${this.moduleLabel}:${event.streamID()}:${event.id().event}`, queue);
    event.put(this.#output, scaledCopy(this.runtime, queue, input, this.#factor));
  }
}

/** Acquire fills on the device; produce checks that the acquire's queue work is done when it is called. */
export class CheckSynchronizing extends stream.SynchronizingEDProducer {
  #output = this.produces(HitsCollection);
  #hits;
  acquire(event) {
    const queue = event.queue();
    this.#hits = collectionFor(queue, Hits, 4096);
    void queue.exec(division(this.runtime, 4096), fill, { hits: this.#hits.view(), n: 4096, offset: 0.5 });
  }
  produce(event) {
    seen.emptyAtProduce.push(event.queue().isEmpty());
    event.put(this.#output, this.#hits);
  }
}

export class CheckAnalyzer extends hostGlobal.EDAnalyzer {
  #input;
  #backend;
  #factor;
  constructor(parameters) {
    super(parameters);
    this.#input = this.consumes(PortableHostCollection, parameters.getParameter('source'));
    this.#backend = this.consumes(productTypes.unsignedShort, `${parameters.getParameter('source')}:backend`);
    this.#factor = parameters.getParameter('factor');
  }
  analyze(_streamID, event) {
    const hits = event.get(this.#input);
    const { x, y } = hits.constView().columns;
    let wrong = 0;
    for (let i = 0; i < hits.size; i++) if (x[i] !== (i + 0.5) * this.#factor || y[i] !== 2 * i * this.#factor) wrong++;
    seen.values.push(wrong);
    seen.backendValues.push(event.get(this.#backend));
  }
}

const CheckRecord = defineRecord('AlpakaLayerCheckRecord');

/** Host produce: 4096 hits (x = i + 0.5, y = 2i) on the host; on accelerators copied to each device when read there. */
export class CheckESProducer extends ESProducer {
  constructor(parameters) {
    super(parameters);
    this.setWhatProduced(CheckRecord, HitsCollection, () => {
      const hits = new PortableHostCollection(Hits, 4096, host());
      const { x, y } = hits.view().columns;
      for (let i = 0; i < 4096; i++) {
        x[i] = i + 0.5;
        y[i] = 2 * i;
      }
      return hits;
    });
    // Device produce: the host product scaled by 2 with a kernel on each device's queue.
    const collector = this.setWhatProducedOnDevice(
      CheckRecord,
      HitsCollection,
      (record) => scaledCopy(this.runtime, record.queue(), record.get(this.input), 2),
      { label: 'scaled' },
    );
    this.input = collector.consumes(HitsCollection);
  }
}

/** Reads an ES collection through device::EventSetup and puts it scaled by `factor` into the event. */
export class CheckESReader extends global.EDProducer {
  #es;
  #output = this.produces(HitsCollection);
  #factor;
  constructor(parameters) {
    super(parameters);
    this.#es = this.esConsumes(CheckRecord, HitsCollection, parameters.getParameter('esLabel'));
    this.#factor = parameters.getParameter('factor');
  }
  produce(_streamID, event, eventSetup) {
    const input = eventSetup.get(this.#es);
    const queue = event.queue();
    event.put(this.#output, scaledCopy(this.runtime, queue, input, this.#factor));
  }
}
