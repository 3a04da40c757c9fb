import { defineRecord, namedProductType } from '@alpaka-ts/core';
import type { Product } from '@alpaka-ts/cuda-core';
import { array, type Buffer, f32, kernel, u32 } from '@alpaka-ts/interface';

// The data of the CUDACore README's examples: raw values on the host, their calibrated form on the GPU (values ×
// factor + offset, the factor and offset being EventSetup conditions copied once to each GPU), and the modules'
// host-side results. Integer-valued float32 numbers throughout, so the CPU and GPU results are equal bit for bit.

/** Values on the host (the raw data, or results copied back from the GPU). */
export class ExampleHostData {
  constructor(readonly values: Buffer<typeof f32>) {}
}

/** Values in GPU memory (reached only through a context, as the cms::cuda::Product holding it). */
export class ExampleDeviceData {
  constructor(
    readonly values: Buffer<typeof f32>,
    readonly size: number,
  ) {}
}

export const ExampleHostDataType = namedProductType<ExampleHostData>('ExampleHostData');
export const ExampleDeviceDataType = namedProductType<Product<ExampleDeviceData>>(
  'cms::cuda::Product<ExampleDeviceData>',
);
/** A number a module computed on the host from GPU results (the ExternalWork examples' host output). */
export const ExampleSumType = namedProductType<number>('ExampleSum');

/** The EventSetup record of the conditions. */
export const ExampleConditionsRecord = defineRecord('ExampleConditionsRecord');

/** The raw value of element `index` in event `event`. */
export const rawValue = (event: number, index: number): number => (event % 1000) * 100 + (index % 100);

/** out[i] = in[i] × conditions[0] + conditions[1]: the calibration, on whichever device runs it. */
export const calibrate = kernel(
  'exampleCalibrate',
  { input: array(f32, 'in'), conditions: array(f32, 'in'), output: array(f32, 'out'), n: u32 },
  (acc, { input, conditions, output, n }) => {
    const factor = conditions[0];
    const offset = conditions[1];
    for (const i of acc.uniformElements(n)) output[i] = input[i] * factor + offset;
  },
);

/** out[i] = in[i] × factor + add: the further GPU steps of the chains. */
export const scale = kernel(
  'exampleScale',
  { input: array(f32, 'in'), output: array(f32, 'out'), factor: f32, add: f32, n: u32 },
  (acc, { input, output, factor, add, n }) => {
    for (const i of acc.uniformElements(n)) output[i] = input[i] * factor + add;
  },
);
