/**
 * Puts each slice of a trace on a lane (a trace-event thread) where slices nest: a track of the Chrome format
 * must hold properly nested slices, but with asynchronous module calls one EDM stream may run calls that
 * overlap without one containing the other. Lane 0 of a track is its own tid; a slice that fits nowhere opens
 * another lane (`stream 0 (overlapping 1)`). With synchronous modules everything stays on lane 0.
 */
export interface TraceLane {
  readonly tid: number;
  readonly name: string;
}

export interface TraceLaneAssignment {
  /** Every lane used, lane 0 of each track first. */
  readonly lanes: readonly TraceLane[];
  readonly tidOfSlice: readonly number[];
}

/** Track keys: -1 the global transitions, >= 0 an EDM stream, <= -2 a device queue. */
export function baseTidOfTrack(track: number): number {
  if (track === -1) return 1;
  if (track >= 0) return track + 2;
  return 10_000 + (-2 - track);
}

const laneTidStride = 100_000;

export function assignTraceLanes(
  tracks: readonly number[],
  starts: readonly number[],
  ends: readonly number[],
  trackName: (track: number) => string,
): TraceLaneAssignment {
  const tidOfSlice = new Array<number>(tracks.length);
  const byTrack = new Map<number, number[]>();
  for (let index = 0; index < tracks.length; index++) {
    const track = tracks[index] as number;
    let indices = byTrack.get(track);
    if (indices === undefined) {
      indices = [];
      byTrack.set(track, indices);
    }
    indices.push(index);
  }
  const primary: TraceLane[] = [];
  const extra: TraceLane[] = [];
  for (const track of [...byTrack.keys()].sort((a, b) => baseTidOfTrack(a) - baseTidOfTrack(b))) {
    const indices = byTrack.get(track) as number[];
    // Parents before children: earlier start first, and at equal starts the longer slice first.
    indices.sort((a, b) => (starts[a] as number) - (starts[b] as number) || (ends[b] as number) - (ends[a] as number));
    const openEnds: number[][] = [];
    for (const index of indices) {
      const start = starts[index] as number;
      const end = ends[index] as number;
      let lane = 0;
      for (; lane < openEnds.length; lane++) {
        const stack = openEnds[lane] as number[];
        while (stack.length > 0 && (stack[stack.length - 1] as number) <= start) stack.pop();
        if (stack.length === 0 || end <= (stack[stack.length - 1] as number)) break;
      }
      if (lane === openEnds.length) openEnds.push([]);
      (openEnds[lane] as number[]).push(end);
      tidOfSlice[index] = baseTidOfTrack(track) + lane * laneTidStride;
    }
    const name = trackName(track);
    primary.push({ tid: baseTidOfTrack(track), name });
    for (let lane = 1; lane < openEnds.length; lane++) {
      extra.push({ tid: baseTidOfTrack(track) + lane * laneTidStride, name: `${name} (overlapping ${lane})` });
    }
  }
  return { lanes: [...primary, ...extra], tidOfSlice };
}
