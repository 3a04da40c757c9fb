import type { ConstEvent } from '@alpaka-ts/core';
import type { CUDAService } from './cuda-service';
import type { ProductBase } from './product';
import { ScopedContextBase } from './scoped-context-base';

/**
 * CMSSW's cms::cuda::ScopedContextAnalyze: an analyzer's context on the device of the product it reads,
 * continuing on the product's stream when it is the first consumer (a new stream waiting on the event otherwise).
 */
export class ScopedContextAnalyze extends ScopedContextBase {
  constructor(service: CUDAService, event: ConstEvent, product: ProductBase) {
    super(service, event, { kind: 'product', product });
  }
}
