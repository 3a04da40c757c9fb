import { AlpakaError } from '@alpaka-ts/interface';

/** An index outside 0 … size-1 with range checking on. */
export class SoaRangeError extends AlpakaError {
  constructor(message: string) {
    super('ALPAKA_SOA_RANGE', message);
  }
}
