import type { ModuleDescription, ProcessDescription } from '../configuration/process-description';
import { FrameworkError } from '../errors/framework-error';
import type { ParameterSet } from '../parameter-set/parameter-set';
import type { ParameterTypeName } from '../parameter-set/parameter-type';
import { parameterValueProblem } from '../parameter-set/parameter-value-check';
import { parseParameterText } from './parameter-text';

/** One `--set LABEL.PARAMETER=VALUE` of alpaka-run's command line. */
export interface ParameterAssignment {
  /** `source.firstEvent`, `out.fileName`, `producer.nested.size`: a module label, then parameter names. */
  readonly path: string;
  readonly value: string;
  /**
   * The type and trackiness to create the parameter with when the module has none (the splitting flags know
   * theirs: `--inputFile` is an untracked vstring), as TweakPSet adds what a PSet lacks.
   */
  readonly creates?: { readonly type: ParameterTypeName; readonly tracked: boolean };
}

/** Splits `LABEL.PARAMETER=VALUE` at the first '='; undefined when there is no label, parameter or '='. */
export function parseAssignment(text: string): ParameterAssignment | undefined {
  const equals = text.indexOf('=');
  if (equals < 0) return undefined;
  const path = text.slice(0, equals).trim();
  if (!/^[^.\s]+(\.[^.\s]+)+$/.test(path)) return undefined;
  return { path, value: text.slice(equals + 1) };
}

/**
 * Applies per-job values to a loaded configuration, as CRAB's TweakPSet edits a job's PSet: each assignment
 * names a module by label (`source` for the source; also ES modules and services) and one of its parameters,
 * possibly inside nested PSets, which must exist (the configuration's, or a default the module's description
 * inserted) so that its type and trackiness are kept and the text is read as that type. Every assignment is
 * checked before any is applied: a mistake changes nothing and is a CommandLineProcessing error (7000) saying
 * which assignment and why. With `deferAbsent`, assignments to parameters the module does not have (and that do
 * not say how to create them) are returned instead, to be applied once validation has inserted the defaults.
 */
export function applyParameterAssignments(
  description: ProcessDescription,
  assignments: readonly ParameterAssignment[],
  options: { readonly deferAbsent?: boolean } = {},
): ParameterAssignment[] {
  const changes: (() => void)[] = [];
  const deferred: ParameterAssignment[] = [];
  for (const assignment of assignments) {
    const [label = '', ...names] = assignment.path.split('.');
    const fail = (why: string) =>
      new FrameworkError('CommandLineProcessing', `--set ${assignment.path}=${assignment.value}: ${why}`);
    const module = moduleByLabel(description, label);
    if (module === undefined)
      throw fail(`the configuration has no module labelled "${label}" (the source is "source").`);
    let parameters: ParameterSet = module.parameters;
    for (const name of names.slice(0, -1)) {
      const entry = parameters.entry(name);
      if (entry?.type !== 'PSet') throw fail(`"${name}" is not a PSet parameter of ${label}.`);
      parameters = entry.value as ParameterSet;
    }
    const name = names[names.length - 1] ?? '';
    const entry = parameters.entry(name) ?? assignment.creates;
    if (entry === undefined && options.deferAbsent === true) {
      deferred.push(assignment);
      continue;
    }
    if (entry === undefined)
      throw fail(
        `${label} (${module.type}) has no parameter "${name}": --set changes parameters the configuration sets ` +
          'or the module declares with a default; add it to the configuration first.',
      );
    const value = parseParameterText(entry.type, assignment.value);
    if (value instanceof Error)
      throw fail(`${name} is ${entry.tracked ? 'tracked' : 'untracked'} ${entry.type}: ${value.message}`);
    // An int32 out of range or a fraction is refused here too, before anything changes.
    const problem = parameterValueProblem(entry.type, value);
    if (problem !== undefined) throw fail(`${name} is ${entry.type}: ${problem}.`);
    const target = parameters;
    changes.push(() => target.insert(name, { type: entry.type, tracked: entry.tracked, value }));
  }
  for (const change of changes) change();
  return deferred;
}

function moduleByLabel(description: ProcessDescription, label: string): ModuleDescription | undefined {
  if (label === 'source') return description.source;
  return (
    description.modules.get(label) ??
    description.eventSetupModules.find((module) => module.label === label) ??
    description.services?.find((module) => module.label === label)
  );
}
