import type { EventID } from '../event/event-id';
import type { ActivityRegistry, ModuleCallKind } from './activity-registry';

/**
 * Emits preModule/postModule for one module call, building the context object only when a service is
 * connected (the hot path pays two length checks).
 */
export function emitPreModule(
  activity: ActivityRegistry,
  moduleLabel: string,
  moduleType: string,
  kind: ModuleCallKind,
  stream: number,
  eventID: EventID | undefined,
): void {
  if (activity.preModule.connected) activity.preModule.emit({ moduleLabel, moduleType, kind, stream, eventID });
}

export function emitPostModule(
  activity: ActivityRegistry,
  moduleLabel: string,
  moduleType: string,
  kind: ModuleCallKind,
  stream: number,
  eventID: EventID | undefined,
): void {
  if (activity.postModule.connected) activity.postModule.emit({ moduleLabel, moduleType, kind, stream, eventID });
}
