import Table from 'cli-table3';
import type { ActivityRegistry, ModuleCallContext, ModuleCallKind } from '../scheduling/activity-registry';

/** The event-time calls a module makes, each timed apart (acquire and produce of an ExternalWork module too). */
export type TimedCallKind = 'acquire' | 'event' | 'transformAcquire' | 'transform';

export interface ModuleTiming {
  readonly label: string;
  readonly type: string;
  readonly call: TimedCallKind;
  readonly calls: number;
  readonly totalNanoseconds: number;
}

/** Which slot of a module's record a call kind is timed in; -1 for the transitions that are not per event. */
function slotOf(kind: ModuleCallKind): number {
  switch (kind) {
    case 'acquire':
      return 0;
    case 'event':
      return 1;
    case 'transformAcquire':
      return 2;
    case 'transform':
      return 3;
    default:
      return -1;
  }
}

const slotKinds: readonly TimedCallKind[] = ['acquire', 'event', 'transformAcquire', 'transform'];

class ModuleTimingRecord {
  readonly calls = [0, 0, 0, 0];
  readonly totals = [0, 0, 0, 0];
  /** Start time of the call in flight, per slot and per stream (stream + 1, so a global call has index 0). */
  readonly starts: number[][] = [[], [], [], []];
  constructor(readonly type: string) {}
}

/**
 * The per-module timing table of `--wantSummary` (CMSSW's Timing service / TimeReport): connected to
 * preModule/postModule, it adds up the wall time of every call, with process.hrtime.bigint. With several
 * streams on one thread, an asynchronous call's time includes the time it spent waiting (its work overlapped
 * others'), so the shares say where the events spent their time, not where the CPU did.
 */
export class TimingSummary {
  readonly #records = new Map<string, ModuleTimingRecord>();
  readonly #now: () => number;
  readonly #disconnect: Array<() => void>;

  constructor(activityRegistry: ActivityRegistry, options: { readonly nowNanoseconds?: () => number } = {}) {
    this.#now = options.nowNanoseconds ?? (() => Number(process.hrtime.bigint()));
    this.#disconnect = [
      activityRegistry.preModule.connect((context) => this.#preModule(context)),
      activityRegistry.postModule.connect((context) => this.#postModule(context)),
    ];
  }

  #preModule(context: ModuleCallContext): void {
    const slot = slotOf(context.kind);
    if (slot < 0) return;
    let record = this.#records.get(context.moduleLabel);
    if (record === undefined) {
      record = new ModuleTimingRecord(context.moduleType);
      this.#records.set(context.moduleLabel, record);
    }
    (record.starts[slot] as number[])[context.stream + 1] = this.#now();
  }

  #postModule(context: ModuleCallContext): void {
    const slot = slotOf(context.kind);
    if (slot < 0) return;
    const end = this.#now();
    const record = this.#records.get(context.moduleLabel);
    const start = record?.starts[slot]?.[context.stream + 1];
    if (record === undefined || start === undefined) return;
    record.calls[slot] = (record.calls[slot] as number) + 1;
    record.totals[slot] = (record.totals[slot] as number) + (end - start);
  }

  disconnect(): void {
    for (const disconnect of this.#disconnect) disconnect();
  }

  /** Every timed (module, call) pair that was called, the most expensive first. */
  timings(): ModuleTiming[] {
    const timings: ModuleTiming[] = [];
    for (const [label, record] of this.#records) {
      for (let slot = 0; slot < slotKinds.length; slot++) {
        const calls = record.calls[slot] as number;
        if (calls === 0) continue;
        timings.push({
          label,
          type: record.type,
          call: slotKinds[slot] as TimedCallKind,
          calls,
          totalNanoseconds: record.totals[slot] as number,
        });
      }
    }
    return timings.sort((a, b) => b.totalNanoseconds - a.totalNanoseconds || (a.label < b.label ? -1 : 1));
  }

  format(): string {
    return formatTimingTable(this.timings());
  }
}

/**
 * The table: module, type, call ('event' is produce, filter or analyze; 'acquire' is ExternalWork's), calls, total seconds, mean microseconds, share of all timed calls. */
export function formatTimingTable(timings: readonly ModuleTiming[]): string {
  const table = new Table({
    head: ['Module', 'Type', 'Call', 'Calls', 'Total [s]', 'Mean [µs]', 'Share'],
    colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
    // No rule between rows: a job has many modules.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const total = timings.reduce((sum, timing) => sum + timing.totalNanoseconds, 0);
  for (const timing of timings) {
    table.push([
      timing.label,
      timing.type,
      timing.call,
      String(timing.calls),
      (timing.totalNanoseconds / 1e9).toFixed(6),
      (timing.totalNanoseconds / timing.calls / 1e3).toFixed(3),
      `${total > 0 ? ((100 * timing.totalNanoseconds) / total).toFixed(1) : '0.0'}%`,
    ]);
  }
  return `TimeReport ---------- Module Summary ---[wall time]----\n${table.toString()}\n`;
}
