import type { EventID } from '../event/event-id';
import type { ActivityRegistry, ModuleCallContext, StreamEventContext } from '../scheduling/activity-registry';
import { assignTraceLanes } from './trace-lanes';
import { writeFileAtomically } from './write-file-atomically';

/** One entry of the Chrome trace-event format ('X': a complete slice; 'M': metadata naming a process or thread). */
export interface TraceEvent {
  readonly name: string;
  readonly ph: 'X' | 'M';
  readonly pid: number;
  readonly tid: number;
  readonly ts?: number;
  readonly dur?: number;
  readonly cat?: string;
  readonly args?: Readonly<Record<string, string | number>>;
}

/** The track key of the global transitions (stream -1); queue tracks have keys below it. */
const globalTrack = -1;
const tracePid = 1;

/**
 * `--trace FILE` (the role of CMSSW's Tracer and FastTimerService's JSON output): a Chrome trace-event file
 * Perfetto and chrome://tracing open. One track per EDM stream holding the event, the source and a slice per
 * module call (acquire and produce apart), one for global transitions, and one per device queue from the
 * backend's deviceWork signal. Slices are kept as parallel arrays of primitives (no object per call) and
 * turned into JSON only when written; calls that overlap without nesting (asynchronous work of one stream)
 * go on extra tracks named after the stream, since a trace track must nest.
 */
export class TraceWriter {
  readonly #now: () => number;
  readonly #origin: number;
  readonly #disconnect: Array<() => void>;
  readonly #tracks: number[] = [];
  readonly #names: string[] = [];
  readonly #categories: string[] = [];
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  readonly #eventIDs: Array<EventID | undefined> = [];
  /** Start of the call in flight per module label, call kind and stream (index stream + 1). */
  readonly #moduleStarts = new Map<string, Map<string, { name: string; starts: number[] }>>();
  readonly #eventStarts: number[] = [];
  readonly #sourceStarts: number[] = [];
  readonly #queueTracks = new Map<string, number>();

  constructor(activityRegistry: ActivityRegistry, options: { readonly nowNanoseconds?: () => number } = {}) {
    this.#now = options.nowNanoseconds ?? (() => Number(process.hrtime.bigint()));
    this.#origin = this.#now();
    this.#disconnect = [
      activityRegistry.preModule.connect((context) => this.#preModule(context)),
      activityRegistry.postModule.connect((context) => this.#postModule(context)),
      activityRegistry.preEvent.connect((context) => {
        this.#eventStarts[context.stream + 1] = this.#now();
      }),
      activityRegistry.postEvent.connect((context) => this.#postEvent(context)),
      activityRegistry.preSourceEvent.connect((stream) => {
        this.#sourceStarts[stream + 1] = this.#now();
      }),
      activityRegistry.postSourceEvent.connect((stream) => {
        const start = this.#sourceStarts[stream + 1];
        if (start !== undefined) this.#add(stream, 'source', 'source', start, this.#now(), undefined);
      }),
      activityRegistry.deviceWork.connect((context) => {
        let track = this.#queueTracks.get(context.queueName);
        if (track === undefined) {
          track = globalTrack - 1 - this.#queueTracks.size;
          this.#queueTracks.set(context.queueName, track);
        }
        this.#add(
          track,
          context.what,
          'device',
          Number(context.startNanoseconds),
          Number(context.endNanoseconds),
          undefined,
        );
      }),
    ];
  }

  #slotOf(context: ModuleCallContext): { name: string; starts: number[] } {
    let byKind = this.#moduleStarts.get(context.moduleLabel);
    if (byKind === undefined) {
      byKind = new Map();
      this.#moduleStarts.set(context.moduleLabel, byKind);
    }
    let slot = byKind.get(context.kind);
    if (slot === undefined) {
      // The produce (or filter, analyze) slice carries the label alone: it is what one looks for first.
      const name = context.kind === 'event' ? context.moduleLabel : `${context.moduleLabel} ${context.kind}`;
      slot = { name, starts: [] };
      byKind.set(context.kind, slot);
    }
    return slot;
  }

  #preModule(context: ModuleCallContext): void {
    this.#slotOf(context).starts[context.stream + 1] = this.#now();
  }

  #postModule(context: ModuleCallContext): void {
    const end = this.#now();
    const slot = this.#slotOf(context);
    const start = slot.starts[context.stream + 1];
    if (start === undefined) return;
    const track = context.stream < 0 ? globalTrack : context.stream;
    this.#add(track, slot.name, context.kind, start, end, context.eventID);
  }

  #postEvent(context: StreamEventContext): void {
    const start = this.#eventStarts[context.stream + 1];
    if (start === undefined) return;
    const id = context.eventID;
    this.#add(context.stream, `event ${id.run}:${id.luminosityBlock}:${id.event}`, 'event', start, this.#now(), id);
  }

  #add(track: number, name: string, category: string, start: number, end: number, eventID: EventID | undefined) {
    this.#tracks.push(track);
    this.#names.push(name);
    this.#categories.push(category);
    this.#starts.push(start);
    this.#ends.push(end);
    this.#eventIDs.push(eventID);
  }

  disconnect(): void {
    for (const disconnect of this.#disconnect) disconnect();
  }

  /** The trace so far: metadata naming the process and every track, then the slices. */
  traceEvents(): TraceEvent[] {
    const queueNames = new Map([...this.#queueTracks].map(([name, track]) => [track, name]));
    const trackName = (track: number) =>
      track === globalTrack ? 'global transitions' : track >= 0 ? `stream ${track}` : `queue ${queueNames.get(track)}`;
    const lanes = assignTraceLanes(this.#tracks, this.#starts, this.#ends, trackName);
    const events: TraceEvent[] = [
      { name: 'process_name', ph: 'M', pid: tracePid, tid: 0, args: { name: 'alpaka-run' } },
    ];
    for (const lane of lanes.lanes) {
      events.push({ name: 'thread_name', ph: 'M', pid: tracePid, tid: lane.tid, args: { name: lane.name } });
      events.push({ name: 'thread_sort_index', ph: 'M', pid: tracePid, tid: lane.tid, args: { sort_index: lane.tid } });
    }
    // In time order, a parent before the slices it contains, as trace viewers read nesting best.
    const order = Array.from(this.#tracks, (_, index) => index).sort(
      (a, b) =>
        (this.#starts[a] as number) - (this.#starts[b] as number) ||
        (this.#ends[b] as number) - (this.#ends[a] as number),
    );
    for (const index of order) {
      const start = this.#starts[index] as number;
      const eventID = this.#eventIDs[index];
      events.push({
        name: this.#names[index] as string,
        cat: this.#categories[index] as string,
        ph: 'X',
        pid: tracePid,
        tid: lanes.tidOfSlice[index] as number,
        ts: microseconds(start - this.#origin),
        dur: microseconds((this.#ends[index] as number) - start),
        ...(eventID === undefined
          ? {}
          : { args: { run: eventID.run, luminosityBlock: eventID.luminosityBlock, event: eventID.event } }),
      });
    }
    return events;
  }

  /** Writes `{ "traceEvents": [...] }` to a temporary file beside `file`, then renames it into place. */
  async write(file: string): Promise<void> {
    const events = this.traceEvents();
    await writeFileAtomically(file, function* () {
      yield '{"traceEvents":[\n';
      for (let index = 0; index < events.length; index++) {
        yield `${JSON.stringify(events[index])}${index + 1 < events.length ? ',' : ''}\n`;
      }
      yield '],"displayTimeUnit":"ms"}\n';
    });
  }
}

/** Microseconds with nanosecond resolution (the trace format's unit). */
function microseconds(nanoseconds: number): number {
  return Math.round(nanoseconds) / 1000;
}
