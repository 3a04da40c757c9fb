import {
  acceleratorOf,
  asConst,
  f64,
  host,
  InvalidArgumentError,
  i32,
  kernel,
  loadBackend,
  makeWorkDiv,
  view,
} from '@alpaka-ts/interface';
import {
  type Column,
  column,
  layoutSchemaOf,
  type MatrixColumn,
  matrixColumn,
  type Scalar,
  scalar,
  soaLayout,
} from '@alpaka-ts/soa-template';
import { describe, expect, it } from 'vitest';
import {
  collectionFor,
  PortableDeviceCollection,
  PortableHostCollection,
  PortableHostMultiCollection,
} from '../src/index';
import { acceleratorLikeDevice } from './accelerator-like-device';

@soaLayout()
class Points {
  @column(f64) x!: Column<'f64'>;
  @column(i32) id!: Column<'i32'>;
  @scalar(f64) total!: Scalar<'f64'>;
  @matrixColumn(f64, 2, 2) rotation!: MatrixColumn<'f64'>;
}

const fill = kernel('fillPoints', { points: view(Points) }, (acc, { points }) => {
  for (const i of acc.uniformElements(points.size)) {
    points.x[i] = i * 1.5;
    points.id[i] = i - 3;
    points.rotation(0, 0)[i] = i;
    points.rotation(1, 0)[i] = -acc.f64(i);
  }
});

const sum = kernel('sumPoints', { points: view(Points, 'in'), out: view(Points, 'out') }, (acc, { points, out }) => {
  let total = acc.f64(0);
  for (const i of acc.uniformElements(points.size)) total += points.x[i] + points.rotation(1, 0)[i];
  out.total = total;
});

describe('collections as kernel arguments on serial_sync', async () => {
  const backend = await loadBackend('serial_sync');
  const queue = host().createQueue();
  const division = (elements: number) => makeWorkDiv(acceleratorOf(backend, 1), 1, elements);

  it("a kernel fills a host collection through view(), and the host reads the collection's columns", async () => {
    const points = collectionFor(queue, Points, 6) as PortableHostCollection;
    expect(points).toBeInstanceOf(PortableHostCollection);
    await queue.exec(division(6), fill, { points: points.view() });
    const hostView = points.view();
    expect([...(hostView.columns.x ?? [])]).toEqual([0, 1.5, 3, 4.5, 6, 7.5]);
    expect([...(hostView.columns.id ?? [])]).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(hostView.matrix('rotation').get(4, 1, 0)).toBe(-4);
    expect(hostView.at(2).x).toBe(3);
  });

  it('constView() feeds an in parameter; a const view for a writable one is refused', async () => {
    const points = new PortableHostCollection(Points, 6, queue);
    await queue.exec(division(6), fill, { points: points.view() });
    const result = new PortableHostCollection(layoutSchemaOf(Points), 1, queue);
    await queue.exec(division(8), sum, { points: points.constView(), out: result.view() });
    expect(result.view().scalars.total).toBe(22.5 - 15);
    await expect(queue.exec(division(6), fill, { points: points.constView() })).rejects.toThrow(
      /argument 'points' is a const view, but the parameter is 'inout'/,
    );
  });

  it('an SoaView over any host bytes is an argument too, and a view of another layout is refused', async () => {
    const points = new PortableHostCollection(Points, 3, host());
    const standalone = points.view({ rangeChecking: true });
    await queue.exec(division(3), fill, { points: standalone });
    expect([...(points.view().columns.id ?? [])]).toEqual([-3, -2, -1]);
    const other = new PortableHostCollection(
      { ...layoutSchemaOf(Points), fields: layoutSchemaOf(Points).fields.slice(1) },
      3,
      host(),
    );
    await expect(queue.exec(division(3), fill, { points: other.view() })).rejects.toThrow(InvalidArgumentError);
  });
});

describe('multi-layout collection views as kernel arguments', async () => {
  const backend = await loadBackend('serial_sync');
  it('a kernel fills the second layout of a host multi-collection through view(i), nothing else', async () => {
    const queue = host().createQueue();
    const multi = new PortableHostMultiCollection([layoutSchemaOf(Points), layoutSchemaOf(Points)], [2, 4], queue);
    await queue.exec(makeWorkDiv(acceleratorOf(backend, 1), 1, 4), fill, { points: multi.view(1) });
    expect([...(multi.view(1).columns.x ?? [])]).toEqual([0, 1.5, 3, 4.5]);
    expect([...(multi.view(0).columns.x ?? [])]).toEqual([0, 0]);
  });
});

describe('device collection views', () => {
  it('carry the device buffer, size and layout, const or not', () => {
    const deviceQueue = acceleratorLikeDevice.createQueue();
    const collection = new PortableDeviceCollection(Points, 5, deviceQueue);
    const writable = collection.view();
    expect(writable).toMatchObject({
      schema: layoutSchemaOf(Points),
      size: 5,
      readOnly: false,
      buffer: collection.buffer,
    });
    expect(collection.view()).toBe(writable);
    const constant = collection.constView();
    expect(constant.readOnly).toBe(true);
    expect(constant.buffer.isConst).toBe(true);
    expect(constant.buffer.memory).toBe(asConst(collection.buffer).memory);
  });
});
