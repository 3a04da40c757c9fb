import type { ProductDescription } from '../event/product-registry';
import type { PathRunner } from '../scheduling/path-runner';
import { Worker, type WorkerStream } from '../scheduling/worker';
import type { OutputModule, OutputProduct } from './output-module';

/** A SelectEvents entry resolved to this stream's path (negated: the event is selected when that path failed). */
export interface SelectedPath {
  readonly path: PathRunner;
  readonly negated: boolean;
}

/**
 * The worker of an output module in one stream: checks SelectEvents against this event's path states, then
 * gives the module the products its outputCommands selected (only those present in the event).
 */
export class OutputModuleWorker extends Worker {
  readonly module: OutputModule;
  readonly #selected: readonly ProductDescription[];
  selectedPaths: readonly SelectedPath[] = [];
  /** Events given to write (for tests and reports). */
  written = 0;

  constructor(
    label: string,
    type: string,
    stream: WorkerStream,
    module: OutputModule,
    selected: readonly ProductDescription[],
  ) {
    super(label, type, stream, { externalWork: false, isFilter: false });
    this.module = module;
    this.#selected = selected;
  }

  protected override callModule(): unknown {
    const paths = this.selectedPaths;
    if (paths.length > 0) {
      let accepted = false;
      for (let index = 0; index < paths.length && !accepted; index++) {
        const { path, negated } = paths[index] as SelectedPath;
        accepted = negated ? path.state === 'Fail' : path.state === 'Pass';
      }
      if (!accepted) return undefined;
    }
    const principal = this.stream.principal;
    const products: OutputProduct[] = [];
    for (const description of this.#selected) {
      const product = principal.products[description.slot];
      if (product === undefined) continue;
      products.push({
        branchName: description.branchName,
        productType: description.productType,
        label: description.label,
        instance: description.instance,
        process: description.process,
        product,
      });
    }
    this.written++;
    return this.module.write({ id: principal.eventID, streamID: principal.streamID, time: principal.time, products });
  }
}
