import type { ExceptionActions } from '../configuration/process-description';

/** CMSSW's exception_actions::ActionCodes. */
export type ExceptionAction = 'Rethrow' | 'TryToContinue' | 'FailPath' | 'IgnoreCompletely';

/**
 * CMSSW's ExceptionToActionTable: what an exception of a category does to the event (process.options'
 * TryToContinue/SkipEvent, FailPath, IgnoreCompletely, Rethrow; Rethrow when unlisted). The lists are applied
 * in that order, so a category listed under Rethrow as well rethrows. Non-event transitions always rethrow.
 */
export class ExceptionToActionTable {
  readonly #actions = new Map<string, ExceptionAction>();

  constructor(actions: ExceptionActions | undefined) {
    if (actions === undefined) return;
    for (const category of actions.ignoreCompletely) this.#actions.set(category, 'IgnoreCompletely');
    for (const category of actions.failPath) this.#actions.set(category, 'FailPath');
    for (const category of actions.skipEvent) this.#actions.set(category, 'TryToContinue');
    for (const category of actions.tryToContinue) this.#actions.set(category, 'TryToContinue');
    for (const category of actions.rethrow) this.#actions.set(category, 'Rethrow');
  }

  get isEmpty(): boolean {
    return this.#actions.size === 0;
  }

  find(category: string): ExceptionAction {
    return this.#actions.get(category) ?? 'Rethrow';
  }
}
