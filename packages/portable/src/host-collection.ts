import { asConst, type Device, fill, type LayoutLike, layoutSchemaOf, type Queue } from '@alpaka-ts/interface';
import { hostStart } from '@alpaka-ts/interface/backend';
import {
  type ConstSoaView,
  computeDataSize,
  type LayoutSchema,
  SoaView,
  type ViewOptions,
} from '@alpaka-ts/soa-template';
import { allocateHostBytes } from './host-bytes';
import { PortableProduct } from './portable-product';
import { checkedSize } from './schema-of';

/**
 * An SoA collection in host memory (CMSSW's PortableHostCollection): one buffer of computeDataSize bytes.
 * Given a host device it is pageable memory; given a queue, pinned memory of the queue's platform (so copies
 * to and from that queue's device are asynchronous; plain host memory on CPU backends).
 */
export class PortableHostCollection extends PortableProduct {
  readonly schema: LayoutSchema;
  readonly size: number;
  private views: { view?: SoaView; constView?: ConstSoaView } = {};

  constructor(layout: LayoutLike, size: number, hostOrQueue: Device | Queue) {
    const schema = layoutSchemaOf(layout);
    const checked = checkedSize(size, schema);
    super(allocateHostBytes(computeDataSize(schema, checked), hostOrQueue));
    this.schema = schema;
    this.size = checked;
    if (!this.buffer.device.isHost) throw new Error('internal error: a host collection on a device');
  }

  protected override forgetDerivedState(): void {
    this.views = {};
  }

  /** The view (CMSSW's view()): columns, scalars, rows over this collection's memory. */
  view(options: Omit<ViewOptions, 'readOnly'> = {}): SoaView {
    if (Object.keys(options).length > 0) return this.makeView({ ...options, readOnly: false as const });
    this.views.view ??= this.makeView({ readOnly: false as const });
    return this.views.view;
  }

  /** The const view (CMSSW's const_view()). */
  constView(options: Omit<ViewOptions, 'readOnly'> = {}): ConstSoaView {
    if (Object.keys(options).length > 0) return this.makeView({ ...options, readOnly: true as const });
    this.views.constView ??= this.makeView({ readOnly: true as const });
    return this.views.constView;
  }

  private makeView<ReadOnly extends boolean>(options: ViewOptions<ReadOnly>): SoaView<LayoutSchema, ReadOnly> {
    const arrayBuffer = this.buffer.memory.hostArrayBuffer;
    if (!arrayBuffer) throw new Error('internal error: host collection memory is not host-accessible');
    return new SoaView(this.schema, this.size, arrayBuffer, hostStart(this.buffer), {
      ...options,
      buffer: options.readOnly ? asConst(this.buffer) : this.buffer,
    });
  }

  /** Sets every byte to zero, now (host) or in queue order. */
  zeroInitialise(queue?: Queue): void {
    if (queue) fill(queue, this.buffer, 0);
    else this.buffer.hostArray().fill(0);
  }
}
