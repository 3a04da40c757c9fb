import { FrameworkError } from '../errors/framework-error';

/**
 * CMSSW's edm::ESInputTag: an EventSetup product by the label of the module that makes it (empty: any module)
 * and its data label. The string form is `module:data`.
 */
export class ESInputTag {
  readonly module: string;
  readonly data: string;

  constructor(module = '', data = '') {
    if (typeof module !== 'string' || typeof data !== 'string') {
      throw new FrameworkError(
        'Configuration',
        `ESInputTag takes strings (module, data), got (${typeof module}, ${typeof data}).`,
      );
    }
    this.module = module;
    this.data = data;
    Object.freeze(this);
  }

  /** Parses `module:data` (or `module`, as CMSSW reads a tag without ':'). */
  static parse(text: string): ESInputTag {
    const parts = text.split(':');
    if (parts.length > 2) {
      throw new FrameworkError(
        'Configuration',
        `An ESInputTag has at most two fields separated by ':' (module:data), got "${text}".`,
      );
    }
    return new ESInputTag(parts[0] ?? '', parts[1] ?? '');
  }

  encode(): string {
    return `${this.module}:${this.data}`;
  }

  toString(): string {
    return this.encode();
  }

  equals(other: ESInputTag): boolean {
    return this.module === other.module && this.data === other.data;
  }
}
