import type { OutputEvent } from '../output/output-module';
import type { TestESProductToken, TestProductToken } from './test-processor-config';

/**
 * What one TestProcessor shares with the framework modules it adds to the job (its source, output module and
 * EventSetup helper): the products of the call in progress, the next event's numbers, what the output module
 * was given. The TestProcessor fills it before each call and reads it after.
 */
export interface TestProcessorState {
  readonly products: readonly TestProductToken[];
  readonly eventSetupProducts: readonly TestESProductToken[];
  /** The Event products of the test() call in progress, by token index (undefined: not given). */
  readonly eventProducts: unknown[];
  /** The EventSetup data of the call in progress, by token index, and whether each was given. */
  readonly eventSetupData: unknown[];
  readonly eventSetupGiven: boolean[];
  /** Counts the calls (test() and the transitions): the EventSetup's IOVs are one call each. */
  call: number;
  run: number;
  luminosityBlock: number;
  event: number;
  /** What the output module was given for the latest event. */
  written: OutputEvent | undefined;
}

export function makeTestProcessorState(
  products: readonly TestProductToken[],
  eventSetupProducts: readonly TestESProductToken[],
): TestProcessorState {
  return {
    products: [...products],
    eventSetupProducts: [...eventSetupProducts],
    eventProducts: new Array<unknown>(products.length).fill(undefined),
    eventSetupData: new Array<unknown>(eventSetupProducts.length).fill(undefined),
    eventSetupGiven: new Array<boolean>(eventSetupProducts.length).fill(false),
    call: 0,
    run: 1,
    luminosityBlock: 1,
    event: 1,
    written: undefined,
  };
}

/** Forgets the products of a finished call, so the next gets only what it is given (CMSSW resets them too). */
export function clearCallProducts(state: TestProcessorState): void {
  state.eventProducts.fill(undefined);
  state.eventSetupData.fill(undefined);
  state.eventSetupGiven.fill(false);
  state.written = undefined;
}
