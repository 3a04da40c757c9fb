import { FrameworkError } from '../errors/framework-error';

/**
 * CMSSW's edm::InputTag: which product a consumer wants, by module label, product instance name and process
 * name. The string form `label:instance:process` splits on ':' (FWCore/Utilities/src/InputTag.cc); an empty
 * process means "the current process first, then earlier ones, newest first".
 */
export class InputTag {
  static readonly currentProcess = '@currentProcess';
  static readonly skipCurrentProcess = '@skipCurrentProcess';

  readonly label: string;
  readonly instance: string;
  readonly process: string;

  constructor(label: string, instance = '', process = '') {
    if (typeof label !== 'string' || typeof instance !== 'string' || typeof process !== 'string') {
      throw new FrameworkError(
        'Configuration',
        `InputTag takes strings (label, instance, process), got (${typeof label}, ${typeof instance}, ${typeof process}).`,
      );
    }
    this.label = label;
    this.instance = instance;
    this.process = process;
    Object.freeze(this);
  }

  /** Parses `label`, `label:instance` or `label:instance:process`. More than two ':' is a Configuration error. */
  static parse(text: string): InputTag {
    const parts = text.split(':');
    if (parts.length > 3) {
      throw new FrameworkError(
        'Configuration',
        `An input tag has at most three fields separated by ':' (label:instance:process), got "${text}".`,
      );
    }
    return new InputTag(parts[0] ?? '', parts[1] ?? '', parts[2] ?? '');
  }

  /** CMSSW's InputTag::encode(): trailing empty fields dropped. */
  encode(): string {
    if (this.process !== '') return `${this.label}:${this.instance}:${this.process}`;
    if (this.instance !== '') return `${this.label}:${this.instance}`;
    return this.label;
  }

  toString(): string {
    return this.encode();
  }

  equals(other: InputTag): boolean {
    return this.label === other.label && this.instance === other.instance && this.process === other.process;
  }

  /** Whether the tag names no product (an empty label), as CMSSW's configurations use for "none". */
  get isEmpty(): boolean {
    return this.label === '';
  }
}
