import type { ParameterAttributes, ParameterOverrides } from './parameter-builders';
import { pythonError } from './python-errors';

/**
 * Python's `_Labelable.setLabel` check: an object that has a label keeps it, since giving one module (or path,
 * sequence, task) two labels makes them share state unexpectedly. The text is CMSSW's (Mixins.py).
 */
export function checkLabelChange(oldLabel: string | undefined, newLabel: string | undefined, typeName: string): void {
  if (oldLabel === undefined || newLabel === undefined || oldLabel === newLabel) return;
  throw pythonError(
    'ValueError',
    'Attempting to change the label of an attribute of the Process\n' +
      `Old label = ${oldLabel}  New label = ${newLabel}\n` +
      `Type = <class '${typeName}'>\n` +
      'Some possible solutions:\n' +
      '  1. Clone modules instead of using simple assignment. Cloning is\n' +
      '  also preferred for other types when possible.\n' +
      '  2. Declare new names starting with an underscore if they are\n' +
      '  for temporaries you do not want propagated into the Process. The\n' +
      '  underscore tells "from x import *" and process.load not to import\n' +
      '  the name.\n' +
      '  3. Reorganize so the assigment is not necessary. Giving a second\n' +
      '  name to the same object usually causes confusion and problems.\n' +
      '  4. Compose Sequences: newName = cms.Sequence(oldName)\n',
  );
}

/**
 * Python's `_Labelable`: a component that gets its label from the process attribute it is assigned to, once.
 * `labelledKind` is the type name CMSSW's message prints (`<class 'Path'>`).
 */
export abstract class Labelable {
  #label: string | undefined;

  hasLabel_(): boolean {
    return this.#label !== undefined;
  }

  label_(): string | undefined {
    return this.#label;
  }

  setLabel(label: string | undefined): void {
    checkLabelChange(this.#label, label, this.labelledKind());
    this.#label = label;
  }

  protected abstract labelledKind(): string;
}

/** clone() takes overrides only for the sake of one signature across labelled components; they have no parameters. */
export function refuseOverrides(overrides: ParameterOverrides | undefined, kind: string): void {
  if (overrides !== undefined && Object.keys(overrides).length > 0) {
    throw pythonError('TypeError', `A ${kind} has no parameters to override; clone() it without arguments.`);
  }
}

// Sequences refuse unknown attributes, so `process.p.typo = …` fails instead of being silently ignored.
export function sealed<T extends object>(value: T): T & ParameterAttributes {
  return Object.preventExtensions(value) as T & ParameterAttributes;
}
