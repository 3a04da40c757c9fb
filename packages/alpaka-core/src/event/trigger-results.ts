/** CMSSW's hlt::HLTState. */
export type HLTState = 'Ready' | 'Pass' | 'Fail' | 'Exception';

/** CMSSW's edm::HLTPathStatus: a path's state and the index of the module that decided it. */
export interface HLTPathStatus {
  readonly state: HLTState;
  readonly index: number;
}

/**
 * CMSSW's edm::TriggerResults: the status of every Path and EndPath of the event, in trigger-bit order,
 * put by the framework under the label 'TriggerResults' after the Paths ran.
 */
export class TriggerResults {
  static readonly productTypeName = 'edm::TriggerResults';
  readonly #names: readonly string[];
  readonly #states: readonly HLTPathStatus[];

  constructor(names: readonly string[], states: readonly HLTPathStatus[]) {
    this.#names = names;
    this.#states = states;
  }

  size(): number {
    return this.#states.length;
  }

  /** The path names in trigger-bit order (CMSSW keeps them in the TriggerNames). */
  names(): readonly string[] {
    return this.#names;
  }

  at(bit: number): HLTPathStatus {
    return this.#states[bit] ?? { state: 'Ready', index: 0 };
  }

  state(bit: number): HLTState {
    return this.at(bit).state;
  }

  index(bit: number): number {
    return this.at(bit).index;
  }

  accept(bit?: number): boolean {
    if (bit === undefined) return this.#states.some((status) => status.state === 'Pass');
    return this.at(bit).state === 'Pass';
  }

  wasrun(bit: number): boolean {
    return this.at(bit).state !== 'Ready';
  }

  error(bit: number): boolean {
    return this.at(bit).state === 'Exception';
  }

  /** The bit of a path by name, or -1. */
  find(name: string): number {
    return this.#names.indexOf(name);
  }
}
