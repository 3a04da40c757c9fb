import { FrameworkError } from '../errors/framework-error';
import {
  ParameterDescription,
  type ParameterDescriptionNode,
  type ParameterPresence,
  ParameterWildcard,
  type WildcardCriteria,
} from './parameter-description';
import {
  checkDefault,
  checkLabel,
  checkScalarTypeName,
  checkVPSetDefaults,
  checkWildcardPattern,
} from './parameter-description-checks';
import type { ParameterSet } from './parameter-set';
import { validateParameterSet } from './parameter-set-validation';
import type { ParameterTypeName, ParameterValue, ParameterValueOfType } from './parameter-type';

/** The types declared by name; a PSet is declared by its nested description, a VPSet with addVPSet. */
export type ScalarParameterTypeName = Exclude<ParameterTypeName, 'PSet' | 'VPSet'>;

/**
 * CMSSW's edm::ParameterSetDescription: what parameters a module (or a nested PSet) takes, written in the
 * module's static fillDescriptions. `add` declares a tracked parameter, `addUntracked` an untracked one;
 * without a default the parameter is required; `addOptional*` parameters get nothing inserted when absent.
 * A default is checked against its type when declared: a wrong one is the module author's mistake (LogicError).
 */
export class ParameterSetDescription {
  readonly #nodes: ParameterDescriptionNode[] = [];
  readonly #labels = new Set<string>();
  #comment = '';
  #anythingAllowed = false;
  #unknown = false;

  /** A tracked parameter; required when there is no default. A nested description declares a PSet. */
  add<T extends ScalarParameterTypeName>(
    label: string,
    type: T,
    defaultValue?: ParameterValueOfType[T],
  ): ParameterDescription<T>;
  add(label: string, nestedDescription: ParameterSetDescription): ParameterDescription<'PSet'>;
  add(label: string, type: ScalarParameterTypeName | ParameterSetDescription, defaultValue?: ParameterValue) {
    return this.#addParameter(label, type, defaultValue, true, 'required');
  }

  /** An untracked parameter (CMSSW's addUntracked); required when there is no default. */
  addUntracked<T extends ScalarParameterTypeName>(
    label: string,
    type: T,
    defaultValue?: ParameterValueOfType[T],
  ): ParameterDescription<T>;
  addUntracked(label: string, nestedDescription: ParameterSetDescription): ParameterDescription<'PSet'>;
  addUntracked(label: string, type: ScalarParameterTypeName | ParameterSetDescription, defaultValue?: ParameterValue) {
    return this.#addParameter(label, type, defaultValue, false, 'required');
  }

  /** A tracked parameter that may be absent; nothing is inserted then (CMSSW's addOptional). */
  addOptional<T extends ScalarParameterTypeName>(label: string, type: T): ParameterDescription<T>;
  addOptional(label: string, nestedDescription: ParameterSetDescription): ParameterDescription<'PSet'>;
  addOptional(label: string, type: ScalarParameterTypeName | ParameterSetDescription) {
    return this.#addParameter(label, type, undefined, true, 'optional');
  }

  /** An untracked parameter that may be absent (CMSSW's addOptionalUntracked). */
  addOptionalUntracked<T extends ScalarParameterTypeName>(label: string, type: T): ParameterDescription<T>;
  addOptionalUntracked(label: string, nestedDescription: ParameterSetDescription): ParameterDescription<'PSet'>;
  addOptionalUntracked(label: string, type: ScalarParameterTypeName | ParameterSetDescription) {
    return this.#addParameter(label, type, undefined, false, 'optional');
  }

  /** A tracked VPSet whose elements each satisfy `elementDescription`; required without defaults. */
  addVPSet(
    label: string,
    elementDescription: ParameterSetDescription,
    defaults?: readonly ParameterSet[],
  ): ParameterDescription<'VPSet'> {
    return this.#addVPSet(label, elementDescription, defaults, true, 'required');
  }

  addVPSetUntracked(
    label: string,
    elementDescription: ParameterSetDescription,
    defaults?: readonly ParameterSet[],
  ): ParameterDescription<'VPSet'> {
    return this.#addVPSet(label, elementDescription, defaults, false, 'required');
  }

  addVPSetOptional(label: string, elementDescription: ParameterSetDescription): ParameterDescription<'VPSet'> {
    return this.#addVPSet(label, elementDescription, undefined, true, 'optional');
  }

  addVPSetOptionalUntracked(label: string, elementDescription: ParameterSetDescription): ParameterDescription<'VPSet'> {
    return this.#addVPSet(label, elementDescription, undefined, false, 'optional');
  }

  /**
   * CMSSW's ParameterWildcard (allowAnyLabel_): every parameter of this type and trackiness is accepted,
   * whatever its label; with a nested description, every matching PSet is validated against it.
   */
  addWildcard<T extends ScalarParameterTypeName>(
    pattern: '*',
    type: T,
    tracked?: boolean,
    criteria?: WildcardCriteria,
  ): ParameterWildcard<T>;
  addWildcard(
    pattern: '*',
    nestedDescription: ParameterSetDescription,
    tracked?: boolean,
    criteria?: WildcardCriteria,
  ): ParameterWildcard<'PSet'>;
  addWildcard(
    pattern: string,
    type: ScalarParameterTypeName | ParameterSetDescription,
    tracked = true,
    criteria: WildcardCriteria = 'zeroOrMore',
  ): ParameterWildcard {
    const nested = type instanceof ParameterSetDescription ? type : undefined;
    const typeName = nested === undefined ? checkScalarTypeName(pattern, type) : 'PSet';
    checkWildcardPattern(pattern, typeName);
    const node = new ParameterWildcard({ pattern, type: typeName, tracked, criteria, nestedDescription: nested });
    this.#nodes.push(node);
    return node;
  }

  /** Accepts parameters no node describes instead of refusing them (CMSSW's setAllowAnything). */
  setAllowAnything(): this {
    this.#anythingAllowed = true;
    return this;
  }

  get anythingAllowed(): boolean {
    return this.#anythingAllowed;
  }

  /** Marks the description unknown: nothing is validated (CMSSW's setUnknown, the default fillDescriptions). */
  setUnknown(): this {
    this.#unknown = true;
    return this;
  }

  get isUnknown(): boolean {
    return this.#unknown;
  }

  setComment(comment: string): this {
    this.#comment = comment;
    return this;
  }

  get comment(): string {
    return this.#comment;
  }

  /** The nodes in declaration order (the order validation and printing follow). */
  get nodes(): readonly ParameterDescriptionNode[] {
    return this.#nodes;
  }

  /** Whether a labelled node uses this label. */
  isLabelUsed(label: string): boolean {
    return this.#labels.has(label);
  }

  /** Validates `parameters` in place (defaults inserted); throws Configuration (8009) with CMSSW's messages. */
  validate(parameters: ParameterSet): void {
    validateParameterSet(this, parameters);
  }

  #addParameter(
    label: string,
    type: ScalarParameterTypeName | ParameterSetDescription,
    defaultValue: ParameterValue | undefined,
    tracked: boolean,
    presence: ParameterPresence,
  ): ParameterDescription {
    const nested = type instanceof ParameterSetDescription ? type : undefined;
    const typeName: ParameterTypeName = nested === undefined ? checkScalarTypeName(label, type) : 'PSet';
    if (defaultValue !== undefined) checkDefault(label, typeName, tracked, defaultValue);
    return this.#addNode(
      new ParameterDescription<ParameterTypeName>({
        label,
        type: typeName,
        tracked,
        presence,
        defaultValue,
        nestedDescription: nested,
      }),
    );
  }

  #addVPSet(
    label: string,
    elementDescription: ParameterSetDescription,
    defaults: readonly ParameterSet[] | undefined,
    tracked: boolean,
    presence: ParameterPresence,
  ): ParameterDescription<'VPSet'> {
    if (!(elementDescription instanceof ParameterSetDescription)) {
      throw new FrameworkError(
        'LogicError',
        `VPSet "${label}": the element description must be a ParameterSetDescription.`,
      );
    }
    if (defaults !== undefined) checkVPSetDefaults(label, tracked, elementDescription, defaults);
    return this.#addNode(
      new ParameterDescription({
        label,
        type: 'VPSet',
        tracked,
        presence,
        defaultValue: defaults === undefined ? undefined : [...defaults],
        nestedDescription: elementDescription,
      }),
    );
  }

  #addNode<T extends ParameterTypeName>(node: ParameterDescription<T>): ParameterDescription<T> {
    checkLabel(node.label, this.#labels);
    this.#labels.add(node.label);
    this.#nodes.push(node as ParameterDescriptionNode);
    return node;
  }
}
