/** Whether a module call returned a promise (or any thenable) the framework must wait for. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Appends to a list of pending promises, making it on first use (no array when everything is synchronous). */
export function withPending<T>(pending: T[] | undefined, item: T): T[] {
  if (pending === undefined) return [item];
  pending.push(item);
  return pending;
}
