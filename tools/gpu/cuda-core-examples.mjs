#!/usr/bin/env node
// Runs on cuda_async (or with --mock on the mock accelerator, to try it without a GPU): cuda-core's README
// examples in their GPU-only and automatic-switching configurations, every printed line checked against the
// host's arithmetic, and their throughput; makeHostNoncachedUnique with CUDA's flags on the driver; and what
// ArrowSource reads, copied to the device by the framework and back, bit for bit (arrow-io). Bundled with
// bundle-for-gpu.mjs: /tmp/node .gpu/bundle/dist/cuda-core-examples.mjs
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cudaBackend } from '@alpaka-ts/backend-cuda';
import { serialKernelRunner } from '@alpaka-ts/backend-serial';
import { cms, global } from '@alpaka-ts/core';
import { alpakaProductType, registerBackendIdentity, stream } from '@alpaka-ts/core/alpaka';
import {
  CUDAService,
  cudaHostAllocPortable,
  cudaHostAllocWriteCombined,
  makeDeviceUnique,
  makeHostNoncachedUnique,
  ProcessAcceleratorCUDA,
} from '@alpaka-ts/cuda-core';
import { i32, memcpy, registerBackend } from '@alpaka-ts/interface';
import { createMockAcceleratorBackend } from '@alpaka-ts/interface/testing';
import { PortableDeviceCollection, PortableHostCollection } from '@alpaka-ts/portable';
import { hitsFor, jobRegistry, runJob, writeHits } from '../../packages/arrow-io/test/job-modules.ts';
import { rawValue } from '../../packages/cuda-core/examples/example-data.ts';
import { describeValues } from '../../packages/cuda-core/examples/example-host-modules.ts';
import { automaticSwitchingProcess, gpuOnlyProcess } from '../../packages/cuda-core/examples/example-processes.ts';
import { expectedGpuOnlyLines } from '../../packages/cuda-core/test/expected-example-lines.ts';
import { runExample } from '../../packages/cuda-core/test/run-example.ts';

const mock = process.argv.includes('--mock');
let backend = cudaBackend;
if (mock) {
  backend = createMockAcceleratorBackend({ name: 'mock_async', kernelRunner: serialKernelRunner });
  registerBackendIdentity('mock_async', { value: 100, typeSuffix: 'MockAsync' });
} else if (!cudaBackend.probe().available) {
  console.log(`cuda_async: UNAVAILABLE: ${cudaBackend.probe().reason}`);
  process.exit(2);
}
registerBackend(backend);
const cuda = new CUDAService(backend);
let failed = 0;
const check = (passed, what) => {
  if (!passed) failed++;
  console.log(`${passed ? 'PASS' : 'FAIL'} ${what}`);
};

const options = { serviceOf: () => cuda, processAccelerator: new ProcessAcceleratorCUDA(cuda) };
for (const [events, size] of [
  [5, 1000],
  [3, 1_000_000],
]) {
  const { lines } = await runExample(gpuOnlyProcess({ ...options, events, size }));
  const expected = expectedGpuOnlyLines(events, size);
  check(
    JSON.stringify(lines) === JSON.stringify(expected),
    `gpu-only, ${events} events of ${size} values: ${lines.length} lines equal to the host's arithmetic${lines[0] === expected[0] ? '' : ` (first: ${lines[0]} vs ${expected[0]})`}`,
  );
}
const calibratedLines = (events, size) =>
  Array.from({ length: events }, (_, eventIndex) =>
    describeValues(
      'exampleAnalyzer',
      eventIndex + 1,
      Float32Array.from({ length: size }, (_, index) => rawValue(eventIndex + 1, index) * 2 + 1),
    ),
  );
for (const accelerators of [[], ['cpu']]) {
  const { lines } = await runExample(automaticSwitchingProcess({ ...options, accelerators, events: 4, size: 5000 }));
  check(
    JSON.stringify(lines) === JSON.stringify(calibratedLines(4, 5000)),
    `automatic switching${accelerators.length > 0 ? ' with accelerators=cpu' : ''}: the same numbers (${lines.length} lines)`,
  );
}
const warm = await runExample(gpuOnlyProcess({ ...options, events: 20, size: 100_000 }));
const timed = await runExample(gpuOnlyProcess({ ...options, events: 200, size: 100_000 }));
console.log(
  `gpu-only throughput: 200 events of 10^5 values in ${timed.seconds.toFixed(3)} s = ${(200 / timed.seconds).toFixed(1)} events/s (warm-up ${warm.seconds.toFixed(3)} s for 20)`,
);

// makeHostNoncachedUnique: write-combined portable pinned memory to the device and back into default pinned memory.
const device = cuda.devices[0];
const queue = cuda.takeStream(device);
const staging = makeHostNoncachedUnique(i32, 1 << 20, device, cudaHostAllocPortable | cudaHostAllocWriteCombined);
const back = makeHostNoncachedUnique(i32, 1 << 20, device);
staging.hostArray().forEach((_, index, array) => {
  array[index] = index * 7;
});
const onDevice = makeDeviceUnique(i32, 1 << 20, queue);
memcpy(queue, onDevice, staging);
memcpy(queue, back, onDevice);
await queue.wait();
check(
  back.hostArray().every((value, index) => value === index * 7),
  'makeHostNoncachedUnique (portable | write-combined, and default): 4 MiB to the device and back',
);

// What ArrowSource reads, on the device: the framework's host→device copy, a device→device copy, the copy back.
const Hits = alpakaProductType(PortableHostCollection, PortableDeviceCollection);
const seen = new Map();
class HitsOnDevice extends stream.EDProducer {
  input = this.consumes(Hits, 'producer');
  output = this.produces(Hits);
  produce(event) {
    const product = event.get(this.input);
    if (!(product instanceof PortableDeviceCollection)) throw new Error('the device module got a host product');
    const copy = new PortableDeviceCollection(product.schema, product.size, event.queue());
    memcpy(event.queue(), copy.buffer, product.buffer);
    event.put(this.output, copy);
  }
}
class HitsBack extends global.EDAnalyzer {
  input = this.consumes(PortableHostCollection, 'onDevice');
  analyze(_stream, event) {
    seen.set(event.id().event, Array.from(event.get(this.input).buffer.hostArray()));
  }
}
const file = join(mkdtempSync(join(tmpdir(), 'arrow-gpu-')), 'hits.arrow');
const written = await writeHits(file, { events: 6 });
const read = await runJob(
  (configured) => {
    configured.source = cms.Source('ArrowSource', { fileNames: cms.untracked.vstring(file) });
    configured.onDevice = cms.EDProducer(`alpaka_${backend.name}::HitsOnDevice`);
    configured.back = cms.EDAnalyzer('HitsBack');
    configured.p = cms.Path(configured.onDevice, configured.back);
  },
  'DEVICE',
  jobRegistry().register(HitsOnDevice).register(HitsBack),
);
const equal = [1, 2, 3, 4, 5, 6].every(
  (event) => JSON.stringify(seen.get(event)) === JSON.stringify(Array.from(hitsFor(event).buffer.hostArray())),
);
check(
  written === undefined && read === undefined && equal,
  `ArrowSource's collections on ${backend.name}: 6 events to the device and back, bit for bit${read ? ` (${read.message})` : ''}`,
);
console.log(`${failed === 0 ? 'ALL PASSED' : `${failed} FAILED`}`);
process.exit(failed === 0 ? 0 : 1);
