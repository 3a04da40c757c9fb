import {
  allocAsyncBuf,
  InvalidArgumentError,
  type KernelViewArgument,
  type LayoutLike,
  layoutSchemaOf,
  memset,
  type Queue,
  u8,
} from '@alpaka-ts/interface';
import { computeDataSize, type LayoutSchema } from '@alpaka-ts/soa-template';
import { deviceView } from './device-view';
import { PortableHostCollection } from './host-collection';
import { PortableProduct } from './portable-product';
import { checkedSize } from './schema-of';

/**
 * An SoA collection in a device's memory (CMSSW's PortableDeviceCollection): one buffer of computeDataSize
 * bytes, allocated in queue order. JavaScript cannot read it; copy it to the host (copyToHost) to look at it.
 */
export class PortableDeviceCollection extends PortableProduct {
  readonly schema: LayoutSchema;
  readonly size: number;

  constructor(layout: LayoutLike, size: number, queue: Queue) {
    const schema = layoutSchemaOf(layout);
    const checked = checkedSize(size, schema);
    if (queue.device.isHost) {
      throw new InvalidArgumentError(
        `a device collection of '${schema.name}' on the host: on host backends use PortableHostCollection, or collectionFor(queue, …), which picks it.`,
      );
    }
    super(allocAsyncBuf(queue, u8, computeDataSize(schema, checked)));
    this.schema = schema;
    this.size = checked;
  }

  protected override forgetDerivedState(): void {
    this.views = {};
  }

  private views: { view?: KernelViewArgument; constView?: KernelViewArgument } = {};

  /**
   * The view a kernel takes (CMSSW's view()): the collection's device bytes, its layout and size. JavaScript
   * cannot read device memory, so unlike a host collection's view it has no columns; pass it to queue.exec.
   */
  view(): KernelViewArgument {
    this.views.view ??= deviceView(this.schema, this.size, this.buffer, false);
    return this.views.view;
  }

  /** The const view (CMSSW's const_view()), for view(Layout, 'in') parameters. */
  constView(): KernelViewArgument {
    this.views.constView ??= deviceView(this.schema, this.size, this.buffer, true);
    return this.views.constView;
  }

  zeroInitialise(queue: Queue): void {
    memset(queue, this.buffer, 0);
  }
}

/**
 * "The collection type for this backend" (CMSSW's PortableCollection<T, Device>): a host collection on host
 * backends, where there is nothing to copy, and a device collection on accelerators.
 */
export function collectionFor(
  queue: Queue,
  layout: LayoutLike,
  size: number,
): PortableHostCollection | PortableDeviceCollection {
  return queue.device.isHost
    ? new PortableHostCollection(layout, size, queue)
    : new PortableDeviceCollection(layout, size, queue);
}
