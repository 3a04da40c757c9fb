import type { CopyToDevice, CopyToHost } from '@alpaka-ts/interface';
import { FrameworkError } from '../errors/framework-error';
import type { EndOfEventWork } from '../event/end-of-event-work';
import type { SourceTransformContext } from '../modules/ed-consumer-base';
import type { EDPutToken } from '../modules/ed-get-token';
import type { ProductType } from '../modules/product-type';
import type { WaitingTaskWithArenaHolder } from '../modules/waiting-task-with-arena-holder';
import type { AlpakaBackendRuntime } from './alpaka-backend-runtime';
import { type AlpakaProductType, deviceProductType } from './alpaka-product-type';
import type { AlpakaStreamContext } from './alpaka-stream-context';
import { DeviceProduct, unsynchronizedValueOf } from './device-product';
import { EDMetadata } from './ed-metadata';

/** The Transformer registrations of the module the copies belong to (its protected methods, handed over). */
export interface TransformRegistrar {
  registerTransform(
    source: EDPutToken,
    resultType: ProductType,
    transform: (product: unknown, streamID: number) => unknown,
    instance: string,
  ): EDPutToken;
  registerTransformAsync(
    source: EDPutToken,
    resultType: ProductType,
    pre: (product: unknown, holder: WaitingTaskWithArenaHolder, streamID: number) => unknown,
    post: (cache: unknown, streamID: number) => unknown,
    instance: string,
  ): EDPutToken;
}

/** What the copies need of the producer. */
export interface ImplicitCopyProducer {
  readonly runtime: AlpakaBackendRuntime;
  /** The producer's `alpaka.synchronize`: the host→device copy then waits for its queue instead of an event. */
  readonly synchronize: boolean;
  streamContext(streamID: number): AlpakaStreamContext | undefined;
}

/**
 * CMSSW's implicit device→host copy (ProducerBase::deviceProduces with registerTransformAsync): a product of the
 * host type with the device product's label and instance, made only when something consumes it. The copy is
 * enqueued on the producer's queue (in order after the producer's work, nothing to wait for), and the host
 * product is handed out once the queue reaches it, from the queue's callback; then postCopy runs.
 */
export function registerCopyToHostTransform(
  registrar: TransformRegistrar,
  deviceToken: EDPutToken,
  type: AlpakaProductType,
  copy: CopyToHost<unknown, unknown>,
  instance: string,
): void {
  registrar.registerTransformAsync(
    deviceToken,
    type.host,
    (product, holder) => {
      const deviceProduct = product as DeviceProduct;
      const queue = deviceProduct.metadata.queue();
      const host = copy.copyAsync(queue, unsynchronizedValueOf(deviceProduct));
      // CMSSW's HostOnlyTask, whose body only hands the holder on: here a wait for the queue, which notifies without
      // holding the stream (a host task would stall it, and the driver's one callback thread with it, until
      // JavaScript ran) and tells the queue it is idle, so the end of the event needs no driver call. An
      // asynchronous failure of work before the copy on this queue fails the copy too: its data is not usable.
      const done = holder.copy();
      queue.wait().then(
        () => done.doneWaiting(),
        (error: unknown) => done.doneWaiting(error),
      );
      return host;
    },
    (host) => {
      copy.postCopy?.(host);
      return host;
    },
    instance,
  );
}

/**
 * CMSSW's implicit host→device copy (the newest ProducerBase::produces of a host type with a CopyToDevice): the
 * device form, with the host product's label and instance, made only when a device consumer exists. The copy
 * is enqueued on a queue of the stream's device and an event recorded, which consumers wait on.
 */
export function registerCopyToDeviceTransform(
  registrar: TransformRegistrar,
  producer: ImplicitCopyProducer,
  hostToken: EDPutToken,
  copy: CopyToDevice<unknown, unknown>,
  deviceType: ProductType,
): void {
  const copyToDevice = (product: unknown, streamID: number) => {
    const context = producer.streamContext(streamID);
    if (context === undefined) {
      throw new FrameworkError(
        'LogicError',
        `The implicit copy to the device of instance '${hostToken.instance}' ran in stream ${streamID}, where its producer never ran.`,
      );
    }
    return enqueueCopyToDevice(
      producer.runtime,
      streamID,
      context.endOfEventWork,
      context.moduleContext,
      copy,
      product,
    );
  };
  const resultType = deviceProductType(deviceType);
  if (!producer.synchronize) {
    registrar.registerTransform(
      hostToken,
      resultType,
      (product, streamID) => {
        const made = copyToDevice(product, streamID);
        made.metadata.recordEvent();
        return made.product;
      },
      hostToken.instance,
    );
    return;
  }
  // With synchronize (CMSSW's EDMetadataAcquireSentry(streamID, holder, synchronize)): the device product is handed
  // out once the copy has finished, and carries no event.
  registrar.registerTransformAsync(
    hostToken,
    resultType,
    (product, holder, streamID) => {
      const made = copyToDevice(product, streamID);
      const done = holder.copy();
      const waiting = made.metadata.waitForQueue();
      if (waiting === undefined) done.doneWaiting();
      else
        waiting.then(
          () => done.doneWaiting(),
          (error: unknown) => done.doneWaiting(error),
        );
      return made.product;
    },
    (product) => product,
    hostToken.instance,
  );
}

/**
 * The implicit host→device copy of a product the source put (what ArrowSource read from a file): CMSSW copies
 * only what alpaka producers put, but a product read back from disk is the same host collection, so a device
 * consumer offers the copy (registerSourceTransform) and the framework makes it once per event, only when
 * consumed, on the consumer's backend: enqueued on a queue of the stream's device, with an event recorded that
 * consumers wait on (the first one continues on the queue).
 */
export function copySourceProductToDevice(
  runtime: AlpakaBackendRuntime,
  copy: CopyToDevice<unknown, unknown>,
): (product: unknown, context: SourceTransformContext) => DeviceProduct {
  return (product, context) => {
    const moduleContext = `Calling the implicit copy to the device of ${context.branchName}`;
    const made = enqueueCopyToDevice(runtime, context.streamID, context.endOfEventWork, moduleContext, copy, product);
    made.metadata.recordEvent();
    return made.product;
  };
}

/** A host→device copy enqueued on a queue of the stream's device, with the metadata its consumers synchronise on. */
function enqueueCopyToDevice(
  runtime: AlpakaBackendRuntime,
  streamID: number,
  endOfEventWork: EndOfEventWork[],
  moduleContext: string,
  copy: CopyToDevice<unknown, unknown>,
  product: unknown,
): { readonly metadata: EDMetadata; readonly product: DeviceProduct } {
  const metadata = new EDMetadata(runtime, runtime.chooseDevice(streamID), endOfEventWork, moduleContext);
  const onDevice = copy.copyAsync(metadata.queue(), product);
  return { metadata, product: new DeviceProduct(metadata, onDevice) };
}
