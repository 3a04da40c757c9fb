import { componentBrand, componentKindOf } from './component-brand';
import { Labelable, refuseOverrides } from './labelable';
import type { ParameterAttribute, ParameterOverrides } from './parameter-builders';
import type { ModuleDescription, ProcessDescription } from './process-description';

/**
 * What a ProcessAccelerator's moduleTypeResolver gives (Python's ModuleTypeResolverAlpaka): setModuleVariant
 * rewrites one module description (its type and parameters) before the modules are constructed, as CMSSW's
 * Python does before the C++ side sees the configuration.
 */
export interface ModuleTypeResolver {
  setModuleVariant(module: ModuleDescription): ModuleDescription;
}

/**
 * Python's `cms.ProcessAccelerator` (FWCore/ParameterSet/python/Mixins.py): a labelled component
 * (`process.ProcessAcceleratorAlpaka = new ProcessAcceleratorAlpaka()`) that says which accelerators it knows
 * (labels()) and which of them this machine has (enabledLabels(), which may probe asynchronously), and, once
 * the job's accelerators are selected, may give the module type resolver and customise the process (apply()).
 * The framework calls them when it constructs the EventProcessor (Python's handleProcessAccelerators).
 */
export abstract class ProcessAccelerator extends Labelable {
  /**
   * Makes an accelerator a process attribute's type (`process.X = new ProcessAcceleratorAlpaka()`) while the
   * attributes of modules keep theirs: the index signature of a Process holds modules and accelerators alike
   * (whatever fields a subclass adds fit it).
   */
  [attribute: string]: ParameterAttribute | object | undefined;
  readonly [componentBrand] = 'ProcessAccelerator' as const;

  /** Every accelerator label this accelerator knows, available here or not. */
  abstract labels(): readonly string[];

  /** The accelerator labels this machine has (a subset of labels()). */
  abstract enabledLabels(): readonly string[] | Promise<readonly string[]>;

  /** The module type resolver for the selected accelerators, if this accelerator has one (at most one may). */
  moduleTypeResolver(
    _selectedAccelerators: readonly string[],
    _description: ProcessDescription,
  ): ModuleTypeResolver | undefined {
    return undefined;
  }

  /** Customises the process for the selected accelerators (adds services …); returns the description to run. */
  apply(description: ProcessDescription, _selectedAccelerators: readonly string[]): ProcessDescription {
    return description;
  }

  /**
   * Python's dumpPython, for `--dump-config`: the statements that make this accelerator as the constant
   * `variable` (`const v = new ProcessAcceleratorAlpaka();` plus its settings), and the import they need
   * (Python's specialImportRegistry). Subclasses with settings or another import override it.
   */
  dumpConfiguration(variable: string): { readonly importStatement?: string; readonly statements: readonly string[] } {
    return { statements: [`const ${variable} = new ${this.constructor.name}();`] };
  }

  protected labelledKind(): string {
    return 'ProcessAccelerator';
  }

  /** A process accelerator has no parameters: cloning gives the same object (it holds settings, not state). */
  clone(overrides?: ParameterOverrides): this {
    refuseOverrides(overrides, 'ProcessAccelerator');
    return this;
  }
}

/** Whether a value is a ProcessAccelerator (of this copy of the package or another). */
export function isProcessAccelerator(value: unknown): value is ProcessAccelerator {
  return componentKindOf(value) === 'ProcessAccelerator';
}
