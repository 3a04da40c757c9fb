import type { ModuleClass } from '../modules/module-class';
import { type OutputEvent, OutputModule } from '../output/output-module';
import type { TestProcessorState } from './test-processor-state';

/**
 * The output module on the TestProcessor's EndPath: given every event with every product (`keep *`), it keeps
 * the event for the TestEvent that test() returns. Products reach it exactly as they would a file.
 */
export function makeTestOutputModuleClass(state: TestProcessorState): ModuleClass {
  return class TestProcessorOutputModule extends OutputModule {
    write(event: OutputEvent): void {
      state.written = event;
    }
  };
}
