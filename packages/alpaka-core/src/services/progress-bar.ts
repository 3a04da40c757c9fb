import type { Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { ActivityRegistry } from '../scheduling/activity-registry';
import { formatGeneral } from './c-number-format';

/**
 * The terminal progress display (cli-progress): events done, events/s and the ETA when the number of events
 * is known; events and events/s otherwise (all events, or --runForMinutes). Counted on postEvent; the bar is
 * redrawn at most every `redrawMilliseconds` so a fast job does not pay for drawing per event.
 */
export interface ProgressBarOptions {
  readonly stream: Writable;
  /** Events the job will process (warm-up included), or undefined when not known in advance. */
  readonly totalEvents: number | undefined;
  readonly redrawMilliseconds?: number;
  readonly nowMilliseconds?: () => number;
}

export function connectProgressBar(activityRegistry: ActivityRegistry, options: ProgressBarOptions): () => void {
  const knownTotal = options.totalEvents !== undefined && options.totalEvents > 0;
  const bar = new SingleBar(
    {
      stream: options.stream,
      format: knownTotal
        ? '{bar} {percentage}% | {value}/{total} events | {rate} events/s | ETA: {eta_formatted}'
        : '{value} events | {rate} events/s | {duration_formatted}',
      // Forced with --progress bar on a stream that is not a terminal: draw anyway, at cli-progress's slower pace.
      noTTYOutput: true,
      hideCursor: true,
      etaBuffer: 100,
    },
    Presets.shades_classic,
  );
  const now = options.nowMilliseconds ?? Date.now;
  const redrawMilliseconds = options.redrawMilliseconds ?? 100;
  const payload = { rate: '0' };
  const startMilliseconds = now();
  let lastRedraw = startMilliseconds;
  let events = 0;
  bar.start(knownTotal ? (options.totalEvents as number) : 0, 0, payload);

  const update = (time: number) => {
    lastRedraw = time;
    const seconds = (time - startMilliseconds) / 1000;
    payload.rate = seconds > 0 ? formatGeneral(events / seconds, 4) : '0';
    if (!knownTotal) bar.setTotal(events);
    bar.update(events, payload);
  };
  const disconnect = activityRegistry.postEvent.connect(() => {
    events += 1;
    const time = now();
    if (time - lastRedraw >= redrawMilliseconds) update(time);
  });
  return () => {
    disconnect();
    update(now());
    bar.stop();
  };
}
