import { convertException } from '../errors/convert-exception';
import { frameworkMethodOf } from '../modules/framework-methods';
import type { ActivityRegistry, ModuleCallKind } from './activity-registry';
import { emitPostModule, emitPreModule } from './module-call-signals';
import type { ConstructedModule } from './module-construction';
import { isThenable } from './pending-work';

/**
 * Calls one transition method (beginJob, beginStream, beginRun …) of one module instance if it has it, with
 * the signals and CMSSW's context (`Calling method for module T/'label'`, then `outerContext`).
 * Returns false when the module does not implement the method.
 */
export async function callTransition(
  activity: ActivityRegistry,
  module: ConstructedModule,
  instance: object,
  method: string,
  kind: ModuleCallKind,
  stream: number,
  outerContext: string,
  args: readonly unknown[],
): Promise<boolean> {
  const implementation = frameworkMethodOf(instance, method);
  if (implementation === undefined) return false;
  const { label, type } = module.description;
  emitPreModule(activity, label, type, kind, stream, undefined);
  try {
    const result = (implementation as (...values: readonly unknown[]) => unknown).apply(instance, [...args]);
    if (isThenable(result)) await result;
  } catch (thrown) {
    throw convertException(thrown).addContext(`Calling method for module ${type}/'${label}'`).addContext(outerContext);
  } finally {
    emitPostModule(activity, label, type, kind, stream, undefined);
  }
  return true;
}
