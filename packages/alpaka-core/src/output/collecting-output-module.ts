import type { EventID } from '../event/event-id';
import type { ParameterSet } from '../parameter-set/parameter-set';
import { type OutputEvent, OutputModule } from './output-module';

/** What a CollectingOutputModule kept of one event: its id and the branch names and products written. */
export interface CollectedEvent {
  readonly id: EventID;
  readonly products: ReadonlyMap<string, unknown>;
}

/** What one CollectingOutputModule (by label) was given over the job. */
export interface CollectedOutput {
  readonly events: CollectedEvent[];
  opened: number;
  closed: number;
}

/**
 * An output module that keeps in memory what it was given (branch name → product per event), for tests and
 * the TestProcessor; read it with `CollectingOutputModule.output(label)`.
 */
export class CollectingOutputModule extends OutputModule {
  static readonly #outputs = new Map<string, CollectedOutput>();
  readonly #output: CollectedOutput;

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#output = { events: [], opened: 0, closed: 0 };
    CollectingOutputModule.#outputs.set(this.moduleLabel, this.#output);
  }

  /** What the module with this label collected in the latest job that constructed it. */
  static output(label: string): CollectedOutput | undefined {
    return CollectingOutputModule.#outputs.get(label);
  }

  override openFile(): void {
    this.#output.opened++;
  }

  override closeFile(): void {
    this.#output.closed++;
  }

  write(event: OutputEvent): void {
    this.#output.events.push({
      id: event.id,
      products: new Map(event.products.map((product) => [product.branchName, product.product])),
    });
  }
}
