import type { ParameterDescription, ParameterWildcard } from './parameter-description';
import {
  illegalParametersError,
  missingRequiredError,
  wildcardAtLeastOneError,
  wildcardExactlyOneError,
  wrongTrackinessError,
  wrongTypeError,
} from './parameter-description-errors';
import { ParameterSet } from './parameter-set';
import type { ParameterSetDescription } from './parameter-set-description';
import type { Parameter, ParameterValue } from './parameter-type';

/**
 * CMSSW's ParameterSetDescription::validate: checks `parameters` against the description node by node, in
 * declaration order, inserting defaults in place, then refuses any parameter no node accounted for. Labels
 * starting with '@' (`@module_label`, `@module_type`, `@module_edm_type` …, which the configuration adds) are
 * never illegal. Nested PSets and each element of a VPSet are validated recursively; their errors carry the
 * nested label, as CMSSW's do. Every error is Configuration (8009).
 */
export function validateParameterSet(description: ParameterSetDescription, parameters: ParameterSet): void {
  if (description.isUnknown) return;
  const validatedLabels = new Set<string>();
  for (const node of description.nodes) {
    if (node.kind === 'parameter') validateParameter(node, parameters, validatedLabels);
    else validateWildcard(node, parameters, validatedLabels);
  }
  if (description.anythingAllowed) return;
  const illegal: string[] = [];
  for (const name of parameters.names()) {
    if (!validatedLabels.has(name) && !name.startsWith('@')) illegal.push(name);
  }
  if (illegal.length > 0) throw illegalParametersError(illegal.sort());
}

/** CMSSW's ParameterDescriptionBase::validate_ with the PSet and VPSet specialisations folded in. */
function validateParameter(node: ParameterDescription, parameters: ParameterSet, validatedLabels: Set<string>): void {
  const { label, type, tracked } = node;
  const entry = parameters.entry(label);
  const exists = entry !== undefined && entry.type === type && entry.tracked === tracked;
  if (exists) validatedLabels.add(label);
  else if (entry !== undefined) {
    // The same type with the other trackiness is a trackiness error; anything else a type error.
    throw entry.type === type ? wrongTrackinessError(label, type, tracked) : wrongTypeError(label, type, tracked);
  } else if (node.presence === 'required') {
    const value = defaultToInsert(node);
    if (value === undefined) throw missingRequiredError(label, type, tracked);
    parameters.insert(label, { type, tracked, value } as Parameter);
    validatedLabels.add(label);
  }
  const current = parameters.entry(label);
  if (current !== undefined && node.nestedDescription !== undefined) {
    replaceWithValidatedCopy(parameters, label, current, node.nestedDescription);
  }
}

/** A fresh copy of the default, so no module's set shares arrays or nested sets with the description. */
function defaultToInsert(node: ParameterDescription): ParameterValue | undefined {
  if (node.type === 'PSet' && node.defaultValue === undefined) {
    return node.nestedDescription === undefined ? undefined : new ParameterSet();
  }
  const value = node.defaultValue;
  if (value === undefined) return undefined;
  if (node.type === 'PSet') return (value as ParameterSet).clone();
  if (node.type === 'VPSet') return (value as readonly ParameterSet[]).map((set) => set.clone());
  if (Array.isArray(value)) return [...value] as ParameterValue;
  return value;
}

/**
 * Validates a copy of a nested PSet (or of each VPSet element) and puts it in place of the original: inserting
 * defaults must not reach a set the configuration shares with another module (one cms.PSet object used twice),
 * whose description may differ. CMSSW gets the same from its value semantics.
 */
function replaceWithValidatedCopy(
  parameters: ParameterSet,
  label: string,
  entry: Parameter,
  description: ParameterSetDescription,
): void {
  let value: ParameterSet | ParameterSet[];
  if (entry.type === 'PSet') {
    value = (entry.value as ParameterSet).clone();
    validateParameterSet(description, value);
  } else if (entry.type === 'VPSet') {
    value = (entry.value as readonly ParameterSet[]).map((element) => element.clone());
    for (const element of value) validateParameterSet(description, element);
  } else return;
  parameters.insert(label, { type: entry.type, tracked: entry.tracked, value } as Parameter);
}

/** CMSSW's ParameterWildcard::validate_: every parameter of the type and trackiness matches. */
function validateWildcard(node: ParameterWildcard, parameters: ParameterSet, validatedLabels: Set<string>): void {
  const matched: [string, Parameter][] = [];
  for (const [name, entry] of parameters.entries()) {
    if (entry.type === node.type && entry.tracked === node.tracked && !name.startsWith('@'))
      matched.push([name, entry]);
  }
  const matches = matched.length;
  for (const [name, entry] of matched) {
    validatedLabels.add(name);
    if (node.nestedDescription !== undefined) replaceWithValidatedCopy(parameters, name, entry, node.nestedDescription);
  }
  if (node.criteria === 'atLeastOne' && matches === 0) throw wildcardAtLeastOneError(node.type);
  if (node.criteria === 'exactlyOne' && matches !== 1) throw wildcardExactlyOneError(node.type);
}
