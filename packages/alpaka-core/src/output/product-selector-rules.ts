import { FrameworkError } from '../errors/framework-error';

/** The parts of a product a rule is matched against (the friendly type name, as in branch names). */
export interface SelectableProduct {
  readonly friendlyTypeName: string;
  readonly label: string;
  readonly instance: string;
  readonly process: string;
}

interface Rule {
  readonly keep: boolean;
  readonly fields: readonly [RegExp, RegExp, RegExp, RegExp];
}

/**
 * CMSSW's ProductSelectorRules: `keep|drop type_label_instance_process` rules (`*` any run of characters,
 * `?` one character, a lone `*` meaning `*_*_*_*`), applied in order, the last matching rule deciding; a
 * product no rule matches is not selected.
 */
export class ProductSelectorRules {
  readonly #rules: Rule[];

  constructor(commands: readonly string[], parameterName: string, ownerName: string) {
    this.#rules = commands.map((command) => parseRule(command, parameterName, ownerName));
  }

  select(product: SelectableProduct): boolean {
    let selected = false;
    for (const rule of this.#rules) {
      const [type, label, instance, process] = rule.fields;
      if (
        type.test(product.friendlyTypeName) &&
        label.test(product.label) &&
        instance.test(product.instance) &&
        process.test(product.process)
      ) {
        selected = rule.keep;
      }
    }
    return selected;
  }

  /** Whether some keep rule could select a product of this module label (to decide what must be constructed). */
  mayKeepLabel(label: string): boolean {
    return this.#rules.some((rule) => rule.keep && rule.fields[1].test(label));
  }
}

function parseRule(command: string, parameterName: string, ownerName: string): Rule {
  const where = `Invalid statement in configuration file\nIn ${parameterName} parameter named '${ownerName}'\n`;
  const footer = 'Exception thrown from ProductSelectorRules::Rule\n';
  const tokens = command
    .trim()
    .split(/\s+/)
    .filter((token) => token !== '');
  if (tokens.length !== 2) {
    throw new FrameworkError(
      'Configuration',
      `${where}Rule must have exactly 2 entries ('keep' or 'drop', then a branch specification): '${command}'\n${footer}`,
    );
  }
  const [selector, specification] = tokens as [string, string];
  if (selector !== 'keep' && selector !== 'drop') {
    throw new FrameworkError(
      'Configuration',
      `${where}Command must be 'keep' or 'drop', not '${selector}': '${command}'\n${footer}`,
    );
  }
  const parts = (specification === '*' ? '*_*_*_*' : specification).split('_');
  if (parts.length !== 4) {
    throw new FrameworkError(
      'Configuration',
      `${where}Rule must have exactly 3 underscores in the branch specification (type_label_instance_process): '${command}'\n${footer}`,
    );
  }
  return { keep: selector === 'keep', fields: parts.map(globToRegExp) as unknown as Rule['fields'] };
}

/** `*` any run of characters, `?` exactly one; everything else literal. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}
