import type { ModuleEdmType } from '../configuration/process-description';
import type { EventID } from '../event/event-id';
import { EDConsumerBase } from '../modules/ed-consumer-base';
import type { MaybePromise, ModuleConcurrency } from '../modules/module-abilities';
import type { ProductType } from '../modules/product-type';
import type { ParameterSet } from '../parameter-set/parameter-set';

/** One product an output module is given: its branch and the product itself. */
export interface OutputProduct {
  readonly branchName: string;
  readonly productType: ProductType;
  readonly label: string;
  readonly instance: string;
  readonly process: string;
  readonly product: unknown;
}

/** What `write` receives: the event and its products selected by outputCommands. */
export interface OutputEvent {
  readonly id: EventID;
  readonly streamID: number;
  readonly time: bigint;
  readonly products: readonly OutputProduct[];
}

/**
 * CMSSW's edm::one::OutputModule: sits on an EndPath, is given every event that passed one of the paths in
 * `SelectEvents` (all events when empty) with the products its `outputCommands` keep (untracked vstring,
 * default `['keep *']`, CMSSW's last-matching-rule selection). One instance, called one event at a time.
 * `openFile` runs at beginJob, `closeFile` at endJob (also after a failure, so what was written is kept).
 */
export abstract class OutputModule extends EDConsumerBase {
  static readonly edmType: ModuleEdmType = 'OutputModule';
  static readonly moduleConcurrency: ModuleConcurrency = 'one';
  static readonly externalWork: boolean = false;
  readonly outputCommands: readonly string[];
  /** Path names (globs, `!p` for "p failed") from `SelectEvents = cms.untracked.PSet(SelectEvents = cms.vstring(...))`. */
  readonly selectEvents: readonly string[];

  constructor(parameters: ParameterSet) {
    super(parameters);
    this.outputCommands = parameters.getUntrackedParameter<readonly string[]>('outputCommands', ['keep *']);
    const select = parameters.getUntrackedParameter<ParameterSet | undefined>('SelectEvents', undefined);
    this.selectEvents = select?.exists('SelectEvents')
      ? (select as ParameterSet).getParameter<readonly string[]>('SelectEvents')
      : [];
  }

  openFile?(): MaybePromise<void>;
  closeFile?(): MaybePromise<void>;
  abstract write(event: OutputEvent): MaybePromise<void>;
}
