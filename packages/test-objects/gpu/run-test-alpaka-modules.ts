// testAlpakaModules.sh on a GPU machine (no Node.js install, no node_modules there): the configurations and
// the package's modules bundled with alpaka-run's runner into one file (bundle.mjs), run case by case through
// runAlpakaRun with the same dependencies the alpaka-run bin wires, the module types registered under the
// manifest's names instead of being discovered. Prints one PASS/FAIL line per case; exits 1 if any failed.
//   /tmp/node .gpu/test-objects/dist/run-test-alpaka-modules.mjs
import { Writable } from 'node:stream';
import { ArrowOutputModule, ArrowSource } from '@alpaka-ts/arrow-io';
import { cudaBackend } from '@alpaka-ts/backend-cuda';
import { serialBackend } from '@alpaka-ts/backend-serial';
import {
  createEventProcessor,
  formatConfiguration,
  type ModuleClass,
  ModuleRegistry,
  type Process,
  registerBuiltInEventSetupModules,
  registerBuiltInModules,
  runAlpakaRun,
} from '@alpaka-ts/core';
import { registerBackend } from '@alpaka-ts/interface';
import manifest from '../alpaka-modules.json';
import reader from '../configurations/reader';
import testAlpakaBackendFilter from '../configurations/testAlpakaBackendFilter';
import testAlpakaModules from '../configurations/testAlpakaModules';
import testAlpakaModulesCopyOfPtr from '../configurations/testAlpakaModulesCopyOfPtr';
import testAlpakaModulesHostAndDevice from '../configurations/testAlpakaModulesHostAndDevice';
import writer from '../configurations/writer';
import * as plugins from '../src/plugins';

const configurations: Record<string, () => Process | Promise<Process>> = {
  'testAlpakaModules.ts': testAlpakaModules,
  'testAlpakaModulesHostAndDevice.ts': testAlpakaModulesHostAndDevice,
  'testAlpakaModulesCopyOfPtr.ts': testAlpakaModulesCopyOfPtr,
  'testAlpakaBackendFilter.ts': testAlpakaBackendFilter,
  'writer.ts': writer,
  'reader.ts': reader,
};

registerBackend(serialBackend);
const probe = cudaBackend.probe();
console.log(`cuda_async: ${probe.available ? 'available' : `UNAVAILABLE: ${probe.reason}`}`);
if (probe.available) registerBackend(cudaBackend);

const registry = registerBuiltInEventSetupModules(registerBuiltInModules(new ModuleRegistry()));
for (const [typeName, entry] of Object.entries(manifest.modules)) {
  registry.register((plugins as Record<string, unknown>)[entry.export] as ModuleClass, typeName);
}
// The writer and reader's output module and source (arrow-io's manifest, discovered by alpaka-run elsewhere).
registry.register(ArrowOutputModule).register(ArrowSource);

const argumentsKey = Symbol.for('@alpaka-ts/core/configuration-arguments');
const dependencies = {
  registry,
  createEventProcessor,
  formatConfiguration: (description: Parameters<typeof formatConfiguration>[0]) => formatConfiguration(description),
  describeModule: async () => '',
  listModules: async () => registry.typeNames(),
  async loadConfiguration(file: string, args: readonly string[]) {
    // What loadConfiguration does for a configuration file: its arguments where configurationArguments() reads them.
    (globalThis as Record<symbol, unknown>)[argumentsKey] = Object.freeze([...args]);
    const make = configurations[file];
    if (make === undefined) throw new Error(`no bundled configuration ${file}`);
    return { description: (await make()).toDescription(), registry };
  },
};

function collector() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

interface Case {
  readonly file: string;
  readonly args: readonly string[];
  readonly exitCode: number;
  /** Text the job's output must contain. */
  readonly contains: string;
}
const succeed = (file: string, args: readonly string[], contains = 'passed = 10 failed = 0'): Case => ({
  file,
  args,
  exitCode: 0,
  contains,
});
const unavailable = (args: readonly string[]): Case => ({
  file: 'testAlpakaModules.ts',
  args,
  exitCode: 8035,
  contains: "An exception of category 'UnavailableAccelerator'",
});
const cases: Case[] = [
  // testAlpakaModules.sh cpu
  succeed('testAlpakaModules.ts', ['--accelerators=cpu', '--expectBackend=serial_sync']),
  succeed('testAlpakaModules.ts', ['--moduleBackend=serial_sync', '--expectBackend=serial_sync']),
  succeed('testAlpakaModules.ts', ['--processAcceleratorBackend=serial_sync', '--expectBackend=serial_sync']),
  // testAlpakaModules.sh cuda
  succeed('testAlpakaModules.ts', ['--expectBackend=cuda_async']),
  succeed('testAlpakaModules.ts', ['--accelerators=gpu-nvidia', '--expectBackend=cuda_async']),
  succeed('testAlpakaModules.ts', ['--moduleBackend=cuda_async', '--expectBackend=cuda_async']),
  succeed('testAlpakaModules.ts', ['--processAcceleratorBackend=cuda_async', '--expectBackend=cuda_async']),
  succeed('testAlpakaModules.ts', ['--accelerators=gpu-nvidia', '--moduleSynchronize']),
  succeed('testAlpakaModules.ts', ['--accelerators=gpu-nvidia', '--processAcceleratorSynchronize']),
  unavailable(['--accelerators=gpu-nvidia', '--moduleBackend=serial_sync']),
  unavailable(['--accelerators=cpu', '--moduleBackend=cuda_async']),
  { file: 'testAlpakaModules.ts', args: ['--moduleBackend=serial_sync'], exitCode: 0, contains: 'passed = 10' },
  succeed('testAlpakaModulesHostAndDevice.ts', ['--expectBackend=cuda_async']),
  succeed('testAlpakaModulesHostAndDevice.ts', ['--accelerators=cpu']),
  succeed('testAlpakaModulesCopyOfPtr.ts', ['--accelerators=gpu-nvidia'], 'passed = 3 failed = 0'),
  succeed('testAlpakaModulesCopyOfPtr.ts', ['--accelerators=cpu'], 'passed = 3 failed = 0'),
  succeed('testAlpakaBackendFilter.ts', ['--accelerators=gpu-nvidia'], 'passed = 10 failed = 0'),
  // testHeterogeneousCoreAlpakaTestWriteRead.sh with the writer's producer on the GPU (its products copied back).
  // Default accelerators: the @alpaka producer takes cuda_async, its serial clone serial_sync.
  succeed('writer.ts', ['--fileName=/tmp/gpu-write-read.arrow']),
  succeed('reader.ts', ['--fileName=/tmp/gpu-write-read.arrow']),
];

// `run-test-alpaka-modules.mjs TEXT`: only the cases whose file and arguments contain TEXT, with progress lines
// (which event each stream is at) passed to stderr as they come, to see where a job stops.
const only = process.argv[2];
const selected = only === undefined ? cases : cases.filter((c) => `${c.file} ${c.args.join(' ')}`.includes(only));
let failed = 0;
for (const testCase of selected) {
  const stdout = collector();
  const stderr = only === undefined ? collector() : { stream: process.stderr, text: () => '' };
  const started = process.hrtime.bigint();
  const code = await runAlpakaRun(
    [testCase.file, '--progress', only === undefined ? 'none' : 'lines', '--wantSummary', '--', ...testCase.args],
    { stdout: stdout.stream, stderr: stderr.stream, isTerminal: false },
    dependencies,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const output = stdout.text() + stderr.text();
  const ok = code === testCase.exitCode && output.includes(testCase.contains);
  if (!ok) failed += 1;
  const gpuLine = output.split('\n').find((line) => line.includes('cuda_async::TestAlpakaGlobalProducer '));
  console.log(
    `${ok ? 'PASS' : 'FAIL'} ${testCase.file} ${testCase.args.join(' ')}: exit ${code} (expected ${testCase.exitCode}) in ${seconds.toFixed(2)} s${gpuLine === undefined ? '' : ' [ran cuda_async::TestAlpakaGlobalProducer]'}`,
  );
  const processed = output.split('\n').find((line) => line.startsWith('Processed'));
  if (processed !== undefined) console.log(`     ${processed}`);
  if (!ok) console.log(output.split('\n').slice(0, 40).join('\n'));
}
console.log(`${selected.length - failed} of ${selected.length} cases passed`);
process.exit(failed === 0 ? 0 : 1);
