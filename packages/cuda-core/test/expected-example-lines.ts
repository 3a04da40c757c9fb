// What the README examples' analyzers print, computed here with the same arithmetic (integer-valued float32
// numbers, so the GPU's results and these are equal bit for bit).
import { rawValue } from '../examples/example-data';
import { describeValues } from '../examples/example-host-modules';

export const float32Values = (values: number[]) => Float32Array.from(values);
/** The raw values, calibrated (× 2 + 1): what the GPU producer and the CPU case both compute. */
export const calibrated = (event: number, size: number) =>
  Array.from({ length: size }, (_, index) => rawValue(event, index) * 2 + 1);

/** What the GPU-only configuration's analyzers print for `events` events of `size` values, sorted. */
export function expectedGpuOnlyLines(events: number, size: number): string[] {
  const lines: string[] = [];
  for (let event = 1; event <= events; event++) {
    const calibratedValues = calibrated(event, size);
    const doubled = calibratedValues.map((value) => value * 2);
    const maximum = doubled.reduce((largest, value) => Math.max(largest, value), Number.NEGATIVE_INFINITY);
    lines.push(
      describeValues('fromCUDAAnalyzer', event, float32Values(calibratedValues)),
      describeValues(
        'isolatedAnalyzer',
        event,
        float32Values(calibratedValues.map((_, index) => rawValue(event, index) * 3)),
      ),
      `firstAnalyzer: event ${event} value ${(calibratedValues[0] as number) + 10}`,
      describeValues('noExternalWorkAnalyzer', event, float32Values(calibratedValues.map((value) => -(value + 10)))),
      describeValues('taskChainAnalyzer', event, float32Values(doubled.map((value) => value - maximum))),
    );
  }
  return lines.sort();
}
