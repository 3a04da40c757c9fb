import type { Writable } from 'node:stream';
import type { ActivityRegistry } from '../scheduling/activity-registry';
import { connectEventProgressLines } from './event-progress-lines';
import { connectProgressBar } from './progress-bar';

/** `--progress`: auto is a bar on a terminal and throttled lines elsewhere (a log file, CI). */
export type ProgressMode = 'auto' | 'bar' | 'lines' | 'none';

export interface ProgressOptions {
  readonly mode: ProgressMode;
  readonly isTerminal: boolean;
  readonly stream: Writable;
  /** Events the job will process, warm-up included; undefined when not known (all events, a time limit). */
  readonly totalEvents: number | undefined;
  /** The clock for the lines' timestamps (tests fix it). */
  readonly now?: () => Date;
}

/** The display a mode amounts to on this output. */
export function resolveProgressMode(mode: ProgressMode, isTerminal: boolean): 'bar' | 'lines' | 'none' {
  if (mode === 'auto') return isTerminal ? 'bar' : 'lines';
  return mode;
}

/** Connects the chosen display to the processor's signals; the returned function stops it (the bar's last draw). */
export function startProgress(activityRegistry: ActivityRegistry, options: ProgressOptions): () => void {
  switch (resolveProgressMode(options.mode, options.isTerminal)) {
    case 'bar':
      return connectProgressBar(activityRegistry, { stream: options.stream, totalEvents: options.totalEvents });
    case 'lines':
      return connectEventProgressLines(activityRegistry, options.stream, options.now);
    case 'none':
      return () => {};
  }
}
