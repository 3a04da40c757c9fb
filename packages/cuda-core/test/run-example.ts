// Runs a README example process in this process: the lines its analyzers printed (sorted: the GPU analyzers print
// from stream tasks, in the order the streams get there) and the seconds its events took. Shared by the tests and
// tools/gpu/cuda-core-examples.mjs (the same run on an H200).
import {
  createEventProcessor,
  ModuleRegistry,
  type Process,
  registerBuiltInEventSetupModules,
  registerBuiltInModules,
} from '@alpaka-ts/core';

export async function runExample(process: Process, streams = 1): Promise<{ lines: string[]; seconds: number }> {
  const registry = registerBuiltInEventSetupModules(registerBuiltInModules(new ModuleRegistry()));
  for (const [typeName, moduleClass] of process.moduleClasses_()) registry.register(moduleClass, typeName);
  const processor = await createEventProcessor(process.toDescription(), {
    registry,
    numberOfThreads: streams,
    numberOfStreams: streams,
  });
  await processor.beginJob();
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: unknown) => {
    lines.push(String(line));
  };
  const start = performance.now();
  try {
    await processor.run();
  } finally {
    console.log = log;
  }
  const seconds = (performance.now() - start) / 1000;
  await processor.endJob();
  return { lines: lines.sort(), seconds };
}
