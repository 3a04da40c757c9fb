// Test modules that read the EventSetup products of the port back to the host, on any backend: an alpaka
// SynchronizingEDProducer gets a product through device::EventSetup in acquire, enqueues its copy to the host,
// and journals its values in produce, once the copy is done. Device memory of the mock accelerator cannot be
// read from JavaScript, so what the journal shows on it went through the device product and the copy back.

import { type ConstEvent, type EventSetup, type EventSetupRecordKey, global, type ParameterSet } from '@alpaka-ts/core';
import { type AlpakaProductType, type device, stream } from '@alpaka-ts/core/alpaka';
import { allocBuf, type Buffer, findCopyToHost, host, i32, memcpy, type Queue } from '@alpaka-ts/interface';
import type { PortableHostCollection, PortableHostMultiCollection } from '@alpaka-ts/portable';
import {
  AlpakaESTestDataA,
  AlpakaESTestDataACMulti,
  AlpakaESTestDataC,
  AlpakaESTestDataD,
} from '../src/data-formats/alpaka-es-test-data';
import { AlpakaESTestDataB, type AlpakaESTestDataBHost } from '../src/data-formats/alpaka-es-test-data-b';
import { AlpakaESTestDataE, AlpakaESTestDataEHost } from '../src/data-formats/alpaka-es-test-data-e';
import {
  AlpakaESTestRecordA,
  AlpakaESTestRecordB,
  AlpakaESTestRecordC,
  AlpakaESTestRecordD,
} from '../src/data-formats/alpaka-es-test-records';
import { ESTestDataA, ESTestDataB, ESTestDataC } from '../src/data-formats/es-test-data';

/** What the readers saw, one line per event: `label:what#identity:values`. */
export const esReadings: string[] = [];

const identities = new Map<object, number>();
/** A small number per product object, so tests see when the EventSetup made a new one. */
function identity(product: object): number {
  let id = identities.get(product);
  if (id === undefined) {
    id = identities.size + 1;
    identities.set(product, id);
  }
  return id;
}

export function resetReadings(): void {
  esReadings.length = 0;
  identities.clear();
}

type Collection = { readonly buffer: Buffer };
type Read = () => string;

/** The host form of a collection: itself on the host, else its registered CopyToHost's copy (enqueued). */
function onHost<T>(queue: Queue, product: Collection): () => T {
  if (product.buffer.device.isHost) return () => product as T;
  const copy = findCopyToHost(product);
  if (copy === undefined) throw new Error(`no CopyToHost for ${product.constructor.name}`);
  const hostCopy = copy.copyAsync(queue, product);
  return () => hostCopy as T;
}

const column = (collection: PortableHostCollection, name: string): number[] =>
  Array.from(collection.constView().columns[name] as ArrayLike<number>);

interface Reader {
  readonly record: EventSetupRecordKey;
  readonly type: AlpakaProductType;
  readBack(queue: Queue, product: unknown): Read;
}

const collectionReader =
  (name: string) =>
  (queue: Queue, product: unknown): Read => {
    const hostForm = onHost<PortableHostCollection>(queue, product as Collection);
    return () => `${name}=${column(hostForm(), name).join(',')}`;
  };

const readers: Record<string, Reader> = {
  A: { record: AlpakaESTestRecordA, type: AlpakaESTestDataA, readBack: collectionReader('z') },
  C: { record: AlpakaESTestRecordC, type: AlpakaESTestDataC, readBack: collectionReader('x') },
  D: { record: AlpakaESTestRecordD, type: AlpakaESTestDataD, readBack: collectionReader('y') },
  /** TestAlpakaESProducerNull's device product: C in record D. */
  CInD: { record: AlpakaESTestRecordD, type: AlpakaESTestDataC, readBack: collectionReader('x') },
  AMulti: {
    record: AlpakaESTestRecordA,
    type: AlpakaESTestDataACMulti,
    readBack: (queue, product) => {
      const hostForm = onHost<PortableHostMultiCollection>(queue, product as Collection);
      return () => {
        const multi = hostForm();
        const z = Array.from(multi.constView(0).columns.z as ArrayLike<number>);
        const x = Array.from(multi.constView(1).columns.x as ArrayLike<number>);
        return `z=${z.join(',')} x=${x[0]}..${x[x.length - 1]}(${x.length})`;
      };
    },
  },
  B: {
    record: AlpakaESTestRecordB,
    type: AlpakaESTestDataB,
    readBack: (queue, product) => {
      const source = (product as AlpakaESTestDataBHost).constBuffer();
      const target = allocBuf(host(), i32, (product as AlpakaESTestDataBHost).size);
      memcpy(queue, target, source);
      return () => `b=${[...target.hostArray()].join(',')}`;
    },
  },
  E: {
    record: AlpakaESTestRecordC,
    type: AlpakaESTestDataE,
    readBack: (queue, product) => {
      const { e, data } = product as AlpakaESTestDataEHost;
      const eHost = onHost<PortableHostCollection>(queue, e);
      const dataHost = onHost<PortableHostCollection>(queue, data);
      return () => {
        const copy = new AlpakaESTestDataEHost(eHost(), dataHost());
        const rows = Array.from({ length: copy.size }, (_, i) => `${copy.val(i)}/${copy.val2(i)}`);
        return `val2=${column(copy.data, 'val2').join(',')} ind=${column(copy.e, 'ind').join(',')} view=${rows.join(',')}`;
      };
    },
  },
};

/** Reads the ES product `what` (a key of `readers`) with ESInputTag `tag` and journals its values. */
export class ESDataReader extends stream.SynchronizingEDProducer {
  readonly #what: string;
  readonly #token: device.ESGetToken<unknown>;
  #pending: Read | undefined;
  #id = 0;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#what = parameters.getParameter<string>('what');
    const reader = readers[this.#what];
    if (reader === undefined) throw new Error(`ESDataReader: unknown product ${this.#what}`);
    this.#token = this.esConsumes(reader.record, reader.type, parameters.getParameter<string>('tag'));
  }

  acquire(event: device.Event, eventSetup: device.EventSetup): void {
    const product = eventSetup.get(this.#token) as object;
    this.#id = identity(product);
    this.#pending = (readers[this.#what] as Reader).readBack(event.queue(), product);
  }

  produce(): void {
    esReadings.push(`${this.moduleLabel}:${this.#what}#${this.#id}:${this.#pending?.()}`);
  }
}

/** Journals the values of the host inputs ESTestDataA/B/C. */
export class HostESDataReader extends global.EDAnalyzer {
  readonly #a = this.esConsumes(AlpakaESTestRecordA, ESTestDataA);
  readonly #b = this.esConsumes(AlpakaESTestRecordB, ESTestDataB);
  readonly #c = this.esConsumes(AlpakaESTestRecordC, ESTestDataC);

  analyze(_streamID: number, _event: ConstEvent, eventSetup: EventSetup): void {
    esReadings.push(
      `${this.moduleLabel}:${eventSetup.get(this.#a).value},${eventSetup.get(this.#b).value},${eventSetup.get(this.#c).value}`,
    );
  }
}
