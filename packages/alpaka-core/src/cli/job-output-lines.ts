import { formatGeneral, formatScientific } from '../services/c-number-format';

/**
 * The lines pixeltrack-standalone's main prints around the timed run (src/alpaka/bin/main.cc), so throughput
 * numbers from alpaka-run and from the C++ programs can be read by the same scripts.
 */
export interface ProcessingPlan {
  /** Events of the timed run; -1 for all events (pixeltrack would print "-1 events"; this says "all events"). */
  readonly maxEvents: number;
  readonly runForMinutes: number | undefined;
  readonly warmupEvents: number;
  readonly numberOfStreams: number;
  readonly numberOfThreads: number;
}

/**
 * `Processing N events,[ after W events of warm up,] with S concurrent events and T threads.` With more than one
 * thread the line also says that the streams share one JavaScript thread (worker threads are a later issue),
 * so nobody reads the CPU usage as parallel work.
 */
export function formatProcessingLine(plan: ProcessingPlan): string {
  let line = 'Processing ';
  if (plan.runForMinutes !== undefined) line += `for about ${formatGeneral(plan.runForMinutes)} minutes,`;
  else if (plan.maxEvents < 0) line += 'all events,';
  else line += `${plan.maxEvents} events,`;
  if (plan.warmupEvents > 0) line += ` after ${plan.warmupEvents} events of warm up,`;
  line += ` with ${plan.numberOfStreams} concurrent events and ${plan.numberOfThreads} threads`;
  if (plan.numberOfThreads > 1) {
    line += ` (the ${plan.numberOfStreams} streams share one JavaScript thread: asynchronous work overlaps, modules do not run in parallel; worker threads are not supported yet)`;
  }
  return `${line}.`;
}

export interface TimedRunMeasurement {
  readonly events: number;
  readonly wallSeconds: number;
  /** Process CPU time (user + system) spent during the timed run. */
  readonly cpuSeconds: number;
  readonly numberOfThreads: number;
}

/**
 * `Processed N events in T seconds, throughput X events/s, CPU usage per thread: P%`: T as printf's %e, X as
 * an ostream prints a double, P = CPU time / T / threads × 100 with one decimal.
 */
export function formatProcessedLine(measurement: TimedRunMeasurement): string {
  const { events, wallSeconds, cpuSeconds, numberOfThreads } = measurement;
  const throughput = events / wallSeconds;
  const cpuUsage = (cpuSeconds / wallSeconds / numberOfThreads) * 100;
  return (
    `Processed ${events} events in ${formatScientific(wallSeconds)} seconds, throughput ${formatGeneral(throughput)} ` +
    `events/s, CPU usage per thread: ${Number.isFinite(cpuUsage) ? cpuUsage.toFixed(1) : formatGeneral(cpuUsage)}%`
  );
}
