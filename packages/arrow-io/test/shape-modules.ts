// A producer of a multi-layout collection and an object (values from the event number), and an analyzer that
// keeps their bytes: the other product kinds ArrowOutputModule writes and ArrowSource reads.
import { type ConstEvent, type EDGetToken, type Event, global } from '@alpaka-ts/core';
import { f32, f64, host, i32, u16 } from '@alpaka-ts/interface';
import { defineStruct, PortableHostMultiCollection, PortableHostObject } from '@alpaka-ts/portable';
import { defineLayout } from '@alpaka-ts/soa-template';

const Tracks = defineLayout('ArrowJobTracks', [
  { kind: 'column', name: 'pt', elementType: f64 },
  { kind: 'scalar', name: 'n', elementType: i32 },
]);
const Vertices = defineLayout('ArrowJobVertices', [{ kind: 'column', name: 'z', elementType: f32 }]);
export const Beam = defineStruct('ArrowJobBeam', { x: f64, y: f32, id: u16 });

export function shapesFor(event: number) {
  const sizes = [2 + (event % 3), 1 + (event % 2)];
  const multi = new PortableHostMultiCollection([Tracks, Vertices], sizes, host());
  const tracks = multi.view(0);
  for (let i = 0; i < (sizes[0] ?? 0); i++) (tracks.columns.pt as Float64Array)[i] = event * 1.5 + i;
  tracks.scalars.n = event;
  const vertices = multi.view(1);
  for (let i = 0; i < (sizes[1] ?? 0); i++) (vertices.columns.z as Float32Array)[i] = Math.fround(-event - i / 3);
  const beam = new PortableHostObject(Beam, host());
  Object.assign(beam.value, { x: event / 7, y: Math.fround(event / 9), id: event + 100 });
  return { multi, beam };
}

export class ShapesProducer extends global.EDProducer {
  readonly #multi = this.produces(PortableHostMultiCollection);
  readonly #beam = this.produces(PortableHostObject);
  produce(_stream: number, event: Event): void {
    const { multi, beam } = shapesFor(event.id().event);
    event.put(this.#multi, multi);
    event.put(this.#beam, beam);
  }
}

/** Event number → the bytes of the multi-layout collection and of the object ShapesReader read. */
export const shapesRead = new Map<number, { multi: number[]; sizes: readonly number[]; beam: number[] }>();

export class ShapesReader extends global.EDAnalyzer {
  readonly #multi: EDGetToken<PortableHostMultiCollection> = this.consumes(PortableHostMultiCollection, 'shapes');
  readonly #beam: EDGetToken<PortableHostObject> = this.consumes(PortableHostObject, 'shapes');
  analyze(_stream: number, event: ConstEvent): void {
    const multi = event.get(this.#multi);
    shapesRead.set(event.id().event, {
      multi: Array.from(multi.buffer.hostArray()),
      sizes: multi.sizes,
      beam: Array.from(event.get(this.#beam).buffer.hostArray()),
    });
  }
}
