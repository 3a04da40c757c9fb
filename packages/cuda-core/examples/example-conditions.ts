import { type CUDAService, ESProduct } from '@alpaka-ts/cuda-core';
import { allocBuf, type Buffer, f32, host, memcpy, type Queue } from '@alpaka-ts/interface';

/**
 * The conditions as CMSSW's CUDA ESProducts hold them (SiPixelGainCalibrationForHLTGPU and its kin): the host
 * values, and a cms::cuda::ESProduct of their copy on each GPU, transferred once per device by the first module
 * that asks on that device (the others wait on its event).
 */
export class ExampleConditionsGPU {
  /** [factor, offset] on the host, the source of every device's copy. */
  readonly #host: Buffer<typeof f32>;
  #onDevices: ESProduct<Buffer<typeof f32>> | undefined = undefined;

  constructor(
    readonly factor: number,
    readonly offset: number,
  ) {
    this.#host = allocBuf(host(), f32, 2);
    this.#host.hostArray().set([factor, offset]);
  }

  /** The conditions on the stream's device (CMSSW's getGPUProductAsync(stream)). */
  productAsync(cuda: CUDAService, stream: Queue): Buffer<typeof f32> {
    // Device memory of its own (not stream-ordered): it lives as long as the conditions, across events and streams.
    this.#onDevices ??= new ESProduct(cuda, (device) => allocBuf(device, f32, 2));
    return this.#onDevices.dataForCurrentDeviceAsync(stream, (data, transferStream) => {
      memcpy(transferStream, data, this.#host);
    });
  }
}
