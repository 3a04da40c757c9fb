import type { ParameterSetDescription } from './parameter-set-description';
import type { ParameterTypeName, ParameterValueOfType } from './parameter-type';

/**
 * CMSSW's ParameterDescriptionNode: one entry of a ParameterSetDescription, either a labelled parameter
 * (ParameterDescription) or a wildcard (ParameterWildcard). Nodes are data; parameter-set-validation.ts checks
 * a ParameterSet against them and print-description.ts writes them out.
 */
export type ParameterDescriptionNode = ParameterDescription | ParameterWildcard;

/**
 * How a node treats an absent parameter: `required` (an error without a default, the default inserted with
 * one) or `optional` (nothing inserted, CMSSW's addOptional).
 */
export type ParameterPresence = 'required' | 'optional';

/** CMSSW's ParameterDescription<T>: a labelled parameter with its type, trackiness, default and comment. */
export class ParameterDescription<T extends ParameterTypeName = ParameterTypeName> {
  readonly kind = 'parameter';
  readonly label: string;
  readonly type: T;
  readonly tracked: boolean;
  readonly presence: ParameterPresence;
  /** The default inserted when the parameter is absent; undefined when there is none. */
  readonly defaultValue: ParameterValueOfType[T] | undefined;
  /** For a PSet, the nested description; for a VPSet, the description of each element. */
  readonly nestedDescription: ParameterSetDescription | undefined;
  #comment = '';

  constructor(options: {
    readonly label: string;
    readonly type: T;
    readonly tracked: boolean;
    readonly presence: ParameterPresence;
    readonly defaultValue: ParameterValueOfType[T] | undefined;
    readonly nestedDescription: ParameterSetDescription | undefined;
  }) {
    this.label = options.label;
    this.type = options.type;
    this.tracked = options.tracked;
    this.presence = options.presence;
    this.defaultValue = options.defaultValue;
    this.nestedDescription = options.nestedDescription;
  }

  /**
   * Whether an absent parameter gets a value: a declared default, or, for a nested PSet, the set of the
   * nested description's defaults (CMSSW inserts an empty PSet and validates it).
   */
  get hasDefault(): boolean {
    return this.defaultValue !== undefined || (this.type === 'PSet' && this.nestedDescription !== undefined);
  }

  get comment(): string {
    return this.#comment;
  }

  /** CMSSW's setComment: shown by `alpaka-run --help-module`. Returns this. */
  setComment(comment: string): this {
    this.#comment = comment;
    return this;
  }
}

/**
 * How many parameters a wildcard must match (CMSSW's WildcardValidationCriteria): RequireZeroOrMore,
 * RequireAtLeastOne, RequireExactlyOne.
 */
export type WildcardCriteria = 'zeroOrMore' | 'atLeastOne' | 'exactlyOne';

/**
 * CMSSW's ParameterWildcard<T> (a description's allowAnyLabel_): accepts every parameter of its type and
 * trackiness whatever its label; a PSet or VPSet wildcard validates each matched set against its description.
 */
export class ParameterWildcard<T extends ParameterTypeName = ParameterTypeName> {
  readonly kind = 'wildcard';
  /** CMSSW allows only "*". */
  readonly pattern: string;
  readonly type: T;
  readonly tracked: boolean;
  readonly criteria: WildcardCriteria;
  readonly nestedDescription: ParameterSetDescription | undefined;
  #comment = '';

  constructor(options: {
    readonly pattern: string;
    readonly type: T;
    readonly tracked: boolean;
    readonly criteria: WildcardCriteria;
    readonly nestedDescription: ParameterSetDescription | undefined;
  }) {
    this.pattern = options.pattern;
    this.type = options.type;
    this.tracked = options.tracked;
    this.criteria = options.criteria;
    this.nestedDescription = options.nestedDescription;
  }

  get comment(): string {
    return this.#comment;
  }

  setComment(comment: string): this {
    this.#comment = comment;
    return this;
  }
}
