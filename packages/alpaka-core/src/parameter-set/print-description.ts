import type { ModuleRegistry } from '../modules/module-registry';
import { ConfigurationDescriptions } from './configuration-descriptions';
import type { ParameterDescriptionNode, WildcardCriteria } from './parameter-description';
import type { ParameterSet } from './parameter-set';
import type { ParameterSetDescription } from './parameter-set-description';
import type { ParameterTypeName } from './parameter-type';

// What `alpaka-run --help-module TYPE` and `--list-modules` print (CMSSW's edmPluginHelp and its brief form).
// The text is deterministic (declaration order, no dates or paths of this machine) so tests compare it whole.

/** The help text for one module type: its descriptions from the class's fillDescriptions. */
export function formatModuleHelp(
  moduleType: string,
  moduleClass: { readonly edmType: string; fillDescriptions?(descriptions: ConfigurationDescriptions): void },
): string {
  const descriptions = new ConfigurationDescriptions(moduleClass.edmType, moduleType);
  if (typeof moduleClass.fillDescriptions === 'function') moduleClass.fillDescriptions(descriptions);
  else descriptions.setUnknown();
  return formatConfigurationDescriptions(descriptions);
}

/** The help text for a type the registry knows (loading it if a manifest declared it); unknown: closest names. */
export async function formatModuleHelpFromRegistry(registry: ModuleRegistry, moduleType: string): Promise<string> {
  return formatModuleHelp(moduleType, await registry.resolve(moduleType));
}

/** Every description of a ConfigurationDescriptions: labelled ones in order, then the default. */
export function formatConfigurationDescriptions(descriptions: ConfigurationDescriptions): string {
  const lines = [`${descriptions.pluginName} (${descriptions.baseType})`, ''];
  if (descriptions.isUnknown) {
    lines.push('  Description is unknown.  The configured PSet will not be validated');
    lines.push('  because the plugin has not defined this description.');
    return `${lines.join('\n')}\n`;
  }
  const sections: [string, ParameterSetDescription][] = descriptions.descriptions.map(({ label, description }) => [
    `Description for label '${label}':`,
    description,
  ]);
  const defaultDescription = descriptions.defaultDescription;
  if (defaultDescription !== undefined) sections.push(['Default description (any other label):', defaultDescription]);
  if (sections.length === 0) lines.push('  No description: the parameters of this module type are not validated.');
  sections.forEach(([title, description], index) => {
    if (index > 0) lines.push('');
    lines.push(`  ${title}`);
    lines.push(...formatParameterSetDescription(description, '    '));
  });
  return `${lines.join('\n')}\n`;
}

/**
 * One line per node (label, type, trackiness and whether optional, default), its comment lines below aligned
 * with the type column, and the contents of a nested PSet or of each VPSet element indented by two more.
 */
export function formatParameterSetDescription(
  description: ParameterSetDescription,
  indent = '',
  enclosing: readonly ParameterSetDescription[] = [],
): string[] {
  // A description nested in itself (possible here, as descriptions are shared objects, not C++ copies) would
  // never end; it is printed once and referred to after.
  if (enclosing.includes(description)) return [`${indent}(the enclosing description, as above)`];
  const lines: string[] = [];
  for (const line of splitComment(description.comment)) lines.push(`${indent}${line}`);
  const rows = description.nodes.map(describeNode);
  const labelWidth = Math.max(0, ...rows.map((row) => row.label.length));
  const typeWidth = Math.max(0, ...rows.map((row) => row.type.length));
  const modifierWidth = Math.max(0, ...rows.map((row) => row.modifier.length));
  description.nodes.forEach((node, index) => {
    const row = rows[index] as NodeRow;
    const text = `${row.label.padEnd(labelWidth)}  ${row.type.padEnd(typeWidth)}  ${row.modifier.padEnd(modifierWidth)}  ${row.value}`;
    lines.push(`${indent}${text.trimEnd()}`);
    const commentIndent = `${indent}${' '.repeat(labelWidth + 2)}`;
    for (const line of splitComment(node.comment)) lines.push(`${commentIndent}${line}`);
    if (node.nestedDescription !== undefined) {
      if (node.type === 'VPSet') lines.push(`${indent}  (each element)`);
      lines.push(...formatParameterSetDescription(node.nestedDescription, `${indent}  `, [...enclosing, description]));
    }
  });
  if (description.nodes.length === 0 && !description.anythingAllowed) lines.push(`${indent}(no parameters)`);
  if (description.anythingAllowed) lines.push(`${indent}(parameters not described here are allowed)`);
  return lines;
}

/** The brief listing of `--list-modules`: every known type name and where it comes from. */
export function formatModuleList(registry: ModuleRegistry): string {
  const names = registry.typeNames();
  if (names.length === 0) return 'No module types are known.\n';
  const width = Math.max(...names.map((name) => name.length));
  return `${names.map((name) => `${name.padEnd(width)}  ${registry.originOf(name) ?? ''}`.trimEnd()).join('\n')}\n`;
}

interface NodeRow {
  readonly label: string;
  readonly type: string;
  readonly modifier: string;
  readonly value: string;
}

const criteriaText: Record<WildcardCriteria, string> = {
  zeroOrMore: '(any label, zero or more)',
  atLeastOne: '(any label, at least one)',
  exactlyOne: '(any label, exactly one)',
};

function describeNode(node: ParameterDescriptionNode): NodeRow {
  const trackiness = node.tracked ? 'tracked' : 'untracked';
  if (node.kind === 'wildcard') {
    return { label: node.pattern, type: node.type, modifier: trackiness, value: criteriaText[node.criteria] };
  }
  const optional = node.presence === 'optional';
  let value = '';
  if (node.defaultValue !== undefined) value = formatParameterValue(node.type, node.defaultValue);
  else if (!optional && !node.hasDefault) value = '(required)';
  return { label: node.label, type: node.type, modifier: optional ? `${trackiness} optional` : trackiness, value };
}

/** A value as the help text shows it: numbers as written, strings and tags quoted, vectors in brackets. */
export function formatParameterValue(type: ParameterTypeName, value: unknown): string {
  switch (type) {
    case 'string':
      return JSON.stringify(value);
    case 'InputTag':
    case 'ESInputTag':
    case 'EventRange':
    case 'LuminosityBlockRange':
      return JSON.stringify((value as { encode(): string }).encode());
    case 'PSet':
      return `(${(value as ParameterSet).size} parameters)`;
    case 'VPSet': {
      const count = (value as readonly ParameterSet[]).length;
      return `(${count} ${count === 1 ? 'element' : 'elements'})`;
    }
    case 'vint32':
    case 'vuint32':
    case 'vint64':
    case 'vuint64':
    case 'vdouble':
    case 'vstring':
    case 'VInputTag':
    case 'VESInputTag':
    case 'VEventRange':
    case 'VLuminosityBlockRange': {
      const elementType = elementTypeOf(type);
      return `[${(value as readonly unknown[]).map((element) => formatParameterValue(elementType, element)).join(', ')}]`;
    }
    default:
      return String(value);
  }
}

function elementTypeOf(type: ParameterTypeName): ParameterTypeName {
  if (type === 'VInputTag') return 'InputTag';
  if (type === 'VESInputTag') return 'ESInputTag';
  return type.slice(1) as ParameterTypeName;
}

function splitComment(comment: string): string[] {
  return comment === '' ? [] : comment.split('\n');
}
