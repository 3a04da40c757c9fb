import { exitCodeOfCategory } from './exception-categories';

/**
 * CMSSW's cms::Exception (and edm::Exception, whose categories are those of edmErrorCodes): a category, a
 * message, and a context list the framework adds to as the error travels out (module, path, event), printed
 * outermost first by explainSelf() in CMSSW's format. The exit code of `alpaka-run` is `exitCode`.
 */
export class FrameworkError extends Error {
  readonly category: string;
  /** Context lines in the order they were added: innermost (the module) first. */
  readonly #contexts: string[] = [];
  readonly #additionalInfo: string[] = [];
  /** The exit code, normally the category's; a wrapper may keep the code of what it wraps. */
  exitCode: number;

  constructor(category: string, message: string, options?: ErrorOptions & { readonly exitCode?: number }) {
    super(message, options);
    this.name = 'FrameworkError';
    this.category = category;
    this.exitCode = options?.exitCode ?? exitCodeOfCategory(category);
  }

  /** Adds a context line; later additions are outer contexts (CMSSW's addContext). Returns this. */
  addContext(context: string): this {
    this.#contexts.push(context);
    return this;
  }

  /** Adds an "Additional Info" line (CMSSW's addAdditionalInfo). Returns this. */
  addAdditionalInfo(info: string): this {
    this.#additionalInfo.push(info);
    return this;
  }

  /** Context lines outermost first, as printed. */
  get contexts(): readonly string[] {
    return this.#contexts.toReversed();
  }

  get additionalInfo(): readonly string[] {
    return [...this.#additionalInfo];
  }

  /** Whether a context line already mentions this text (so a caller does not add it twice). */
  hasContext(context: string): boolean {
    return this.#contexts.includes(context);
  }

  /** The text CMSSW's cms::Exception::explainSelf() writes. */
  explainSelf(): string {
    const lines: string[] = [];
    const contexts = this.contexts;
    if (contexts.length === 0) lines.push(`An exception of category '${this.category}' occurred.`);
    else {
      lines.push(`An exception of category '${this.category}' occurred while`);
      contexts.forEach((context, index) => {
        lines.push(`   [${index}] ${context}`);
      });
    }
    lines.push('Exception Message:');
    lines.push(this.message.endsWith('\n') ? this.message.slice(0, -1) : this.message);
    if (this.#additionalInfo.length > 0) {
      lines.push('   Additional Info:');
      this.#additionalInfo.forEach((info, index) => {
        lines.push(`      [${String.fromCharCode(97 + (index % 26))}] ${info}`);
      });
    }
    return `${lines.join('\n')}\n`;
  }
}

/** Whether a value is a FrameworkError (of this or another copy of the package: checked by shape). */
export function isFrameworkError(value: unknown): value is FrameworkError {
  return (
    value instanceof FrameworkError ||
    (value instanceof Error &&
      typeof (value as Partial<FrameworkError>).category === 'string' &&
      typeof (value as Partial<FrameworkError>).explainSelf === 'function')
  );
}

/** A FrameworkError with the same category, message, exit code, contexts and additional info, to add to freely. */
export function copyFrameworkError(error: FrameworkError): FrameworkError {
  const copy = new FrameworkError(error.category, error.message, { cause: error.cause, exitCode: error.exitCode });
  for (const context of error.contexts.toReversed()) copy.addContext(context);
  for (const info of error.additionalInfo) copy.addAdditionalInfo(info);
  if (error.stack !== undefined) copy.stack = error.stack;
  return copy;
}
