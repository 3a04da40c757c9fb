import { ParameterSet } from '../parameter-set/parameter-set';
import { componentBrand, componentKindOf, describeValueType } from './component-brand';
import { Labelable, refuseOverrides } from './labelable';
import { isModule, type Module } from './module-builders';
import type { ParameterAttribute, ParameterOverrides } from './parameter-builders';
import type { ModuleDescription } from './process-description';
import { pythonError } from './python-errors';

/** A case's availability for the job's accelerators: whether it may be chosen, and its priority (higher wins). */
export type SwitchCaseFunction = (accelerators: readonly string[]) => readonly [enabled: boolean, priority: number];

/** One case of a SwitchProducer in the description: its module already carries the switch's label. */
export interface SwitchProducerCaseDescription {
  readonly name: string;
  readonly module: ModuleDescription;
  readonly enabled: SwitchCaseFunction;
}

/**
 * A SwitchProducer of the description: the framework chooses one case when it constructs the EventProcessor
 * (from the selected accelerators) and runs that case's module under the switch's label.
 */
export interface SwitchProducerDescription {
  readonly label: string;
  /** The builder that made it (`SwitchProducerCUDA`), for --dump-config. */
  readonly builderName: string;
  readonly cases: readonly SwitchProducerCaseDescription[];
}

/**
 * Python's `cms.SwitchProducer` (FWCore/ParameterSet/python/SwitchProducer.py): EDProducers under case names
 * (`cpu`, `cuda`), of which the one enabled for the job's accelerators with the highest priority runs, under the
 * switch's label; consumers name only the switch. Subclasses fix the case functions (SwitchProducerCUDA).
 */
export class SwitchProducer extends Labelable {
  /** Lets a switch be a process attribute's type beside modules (see ProcessAccelerator's). */
  [attribute: string]: ParameterAttribute | object | undefined;
  readonly [componentBrand] = 'SwitchProducer' as const;
  readonly #caseFunctions: ReadonlyMap<string, SwitchCaseFunction>;
  readonly #cases = new Map<string, Module>();
  readonly #builderName: string;

  constructor(
    caseFunctions: Readonly<Record<string, SwitchCaseFunction>>,
    cases: Readonly<Record<string, Module>>,
    builderName = 'SwitchProducer',
  ) {
    super();
    this.#caseFunctions = new Map(Object.entries(caseFunctions));
    this.#builderName = builderName;
    for (const [name, module] of Object.entries(cases)) {
      if (!this.#caseFunctions.has(name)) {
        throw pythonError(
          'ValueError',
          `Case '${name}' is not allowed (allowed ones are ${[...this.#caseFunctions.keys()].join(', ')})`,
        );
      }
      if (!isModule(module) || module.edmType_() !== 'EDProducer') {
        throw pythonError(
          'TypeError',
          `SwitchProducer does not support type ${describeValueType(module)} for case '${name}'; it takes EDProducers.`,
        );
      }
      this.#cases.set(name, module);
    }
  }

  /** Python's `cms.SwitchProducer.getCpu()`: the cpu case, always enabled, with the lowest priority. */
  static getCpu(): SwitchCaseFunction {
    return () => [true, 1];
  }

  /** Python's type_(): what the description holds until a case is chosen. */
  type_(): string {
    return 'SwitchProducer';
  }

  /** A SwitchProducer is an EDProducer wherever Paths and Tasks look. */
  edmType_(): 'EDProducer' {
    return 'EDProducer';
  }

  /** The case names, in the order they were given. */
  cases_(): string[] {
    return [...this.#cases.keys()];
  }

  /** The module of a case. */
  case_(name: string): Module | undefined {
    return this.#cases.get(name);
  }

  builderName_(): string {
    return this.#builderName;
  }

  /** Python's `_chooseCase`: the enabled case with the highest priority; none enabled is Python's RuntimeError. */
  chooseCase(accelerators: readonly string[]): string {
    return chooseSwitchCase(
      [...this.#cases.keys()].map((name) => ({ name, enabled: this.#caseFunctions.get(name) as SwitchCaseFunction })),
      accelerators,
    );
  }

  /** The switch as the description holds it; each case's module gets the switch's label. */
  describe(label: string, describeModule: (label: string, module: Module) => ModuleDescription) {
    const description: SwitchProducerDescription = {
      label,
      builderName: this.#builderName,
      cases: [...this.#cases].map(([name, module]) => ({
        name,
        module: describeModule(label, module),
        enabled: this.#caseFunctions.get(name) as SwitchCaseFunction,
      })),
    };
    return description;
  }

  protected labelledKind(): string {
    return 'SwitchProducer';
  }

  /** A new, unlabelled switch whose cases are clones (overrides go to a case's clone, not to the switch). */
  clone(overrides?: ParameterOverrides): SwitchProducer {
    refuseOverrides(overrides, 'SwitchProducer');
    const cases: Record<string, Module> = {};
    for (const [name, module] of this.#cases) cases[name] = module.clone();
    return new SwitchProducer(Object.fromEntries(this.#caseFunctions), cases, this.#builderName);
  }
}

/** The chosen case of a described switch (what construct() runs under the switch's label). */
export function chooseSwitchCase(
  cases: readonly { readonly name: string; readonly enabled: SwitchCaseFunction }[],
  accelerators: readonly string[],
): string {
  let best: { name: string; priority: number } | undefined;
  for (const { name, enabled } of cases) {
    const [isEnabled, priority] = enabled(accelerators);
    if (isEnabled && (best === undefined || best.priority < priority)) best = { name, priority };
  }
  if (best === undefined) {
    throw pythonError('RuntimeError', `All cases '[${cases.map((c) => `'${c.name}'`).join(', ')}]' were disabled`);
  }
  return best.name;
}

/**
 * What the modules map holds for a switch until a case is chosen: a module of type `SwitchProducer` with the
 * case names (CMSSW's `@all_cases`), so Paths and Tasks can name the switch's label.
 */
export function switchPlaceholder(switchProducer: SwitchProducerDescription): ModuleDescription {
  const parameters = new ParameterSet()
    .addParameter('@module_label', 'string', switchProducer.label)
    .addParameter('@module_type', 'string', 'SwitchProducer')
    .addParameter('@module_edm_type', 'string', 'EDProducer')
    .addParameter(
      '@all_cases',
      'vstring',
      switchProducer.cases.map((c) => `${switchProducer.label}@${c.name}`),
    );
  return { label: switchProducer.label, type: 'SwitchProducer', edmType: 'EDProducer', parameters };
}

/** Whether a value is a SwitchProducer (of this copy of the package or another). */
export function isSwitchProducer(value: unknown): value is SwitchProducer {
  return componentKindOf(value) === 'SwitchProducer';
}
