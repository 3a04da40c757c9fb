import type { ModuleTypeResolver, ProcessAccelerator } from '../configuration/process-accelerator';
import type { ModuleDescription, ProcessDescription } from '../configuration/process-description';
import { chooseSwitchCase } from '../configuration/switch-producer';
import { FrameworkError } from '../errors/framework-error';
import { ensureAvailableAccelerators } from './ensure-available-accelerators';

export interface HandledProcessAccelerators {
  /** The description the job runs: switch cases chosen, module types resolved, accelerators applied. */
  readonly description: ProcessDescription;
  /** CMSSW's `@available_accelerators`. */
  readonly availableAccelerators: readonly string[];
  /** CMSSW's `@selected_accelerators`. */
  readonly selectedAccelerators: readonly string[];
}

/**
 * Python's Process.handleProcessAccelerators, run when the EventProcessor is constructed (probing may be
 * asynchronous): the available accelerators are `cpu` plus every ProcessAccelerator's enabledLabels() (or
 * what the caller says this machine has); ensureAvailableAccelerators selects those matching
 * `process.options.accelerators` (8035 when none does); each SwitchProducer's chosen case takes the switch's
 * label; the one module type resolver rewrites every ED and ES module; then each accelerator's apply().
 */
export async function handleProcessAccelerators(
  description: ProcessDescription,
  availableOverride: readonly string[] | undefined,
): Promise<HandledProcessAccelerators> {
  const accelerators = description.processAccelerators ?? [];
  const availableAccelerators = availableOverride ?? (await probeAccelerators(accelerators));
  const selectedAccelerators = ensureAvailableAccelerators(description.options.accelerators, availableAccelerators);

  let resolved = chooseSwitchCases(description, selectedAccelerators);
  const resolver = moduleTypeResolver(accelerators, selectedAccelerators, resolved);
  if (resolver !== undefined) resolved = resolveModuleTypes(resolved, resolver);
  for (const accelerator of accelerators) resolved = accelerator.apply(resolved, selectedAccelerators);
  return { description: resolved, availableAccelerators, selectedAccelerators };
}

/** `cpu` (always there) and what each accelerator finds, sorted as Python sorts them. */
async function probeAccelerators(accelerators: readonly ProcessAccelerator[]): Promise<string[]> {
  const available = new Set(['cpu']);
  for (const accelerator of accelerators) {
    for (const label of await accelerator.enabledLabels()) available.add(label);
  }
  return [...available].sort();
}

function moduleTypeResolver(
  accelerators: readonly ProcessAccelerator[],
  selected: readonly string[],
  description: ProcessDescription,
): ModuleTypeResolver | undefined {
  let resolver: { readonly by: ProcessAccelerator; readonly resolver: ModuleTypeResolver } | undefined;
  for (const accelerator of accelerators) {
    const candidate = accelerator.moduleTypeResolver(selected, description);
    if (candidate === undefined) continue;
    if (resolver !== undefined) {
      throw new FrameworkError(
        'LogicError',
        `Module type resolver was already set by ${nameOf(resolver.by)}, but ${nameOf(accelerator)} wants to set it too. Only one ProcessAccelerator may provide a module type resolver.`,
      );
    }
    resolver = { by: accelerator, resolver: candidate };
  }
  return resolver?.resolver;
}

function nameOf(accelerator: ProcessAccelerator): string {
  return `${accelerator.constructor.name} (process.${accelerator.label_() ?? '?'})`;
}

function chooseSwitchCases(description: ProcessDescription, selected: readonly string[]): ProcessDescription {
  const switchProducers = description.switchProducers ?? [];
  if (switchProducers.length === 0) return description;
  const modules = new Map(description.modules);
  for (const switchProducer of switchProducers) {
    const chosen = chooseSwitchCase(switchProducer.cases, selected);
    const module = switchProducer.cases.find((switchCase) => switchCase.name === chosen)?.module;
    if (module !== undefined) modules.set(switchProducer.label, module);
  }
  return { ...description, modules };
}

function resolveModuleTypes(description: ProcessDescription, resolver: ModuleTypeResolver): ProcessDescription {
  const modules = new Map<string, ModuleDescription>();
  for (const [label, module] of description.modules) modules.set(label, resolver.setModuleVariant(module));
  const eventSetupModules = description.eventSetupModules.map((module) => resolver.setModuleVariant(module));
  return { ...description, modules, eventSetupModules };
}
