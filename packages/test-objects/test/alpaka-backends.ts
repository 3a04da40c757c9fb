// Which backends the tests run on, as CMSSW's ALPAKA_BACKENDS unit tests: serial_sync always, cuda_async where
// an NVIDIA GPU is usable and rocm_async where an AMD one is (probed as ProcessAcceleratorAlpaka probes them,
// from the working directory, so a test runs a backend exactly when the job would find it).
// ALPAKA_TS_UNIT_TESTS=cuda (CMSSW's USER_UNIT_TESTS=cuda; a comma-separated list, `rocm` too) forces that
// backend's tests: they run, and fail, when the hardware or its backend package is absent.
import { probeBackend } from '@alpaka-ts/interface';

export interface TestedBackend {
  readonly name: 'serial_sync' | 'cuda_async' | 'rocm_async';
  /** The accelerator label of process.options.accelerators. */
  readonly accelerator: 'cpu' | 'gpu-nvidia' | 'gpu-amd';
  /** Whether the tests of this backend run. */
  readonly run: boolean;
  /** Why not (or why forced), for the test titles. */
  readonly reason: string;
}

const forced = new Set(
  (process.env.ALPAKA_TS_UNIT_TESTS ?? '')
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== ''),
);

async function gpuBackend(name: 'cuda_async' | 'rocm_async', accelerator: 'gpu-nvidia' | 'gpu-amd', word: string) {
  const status = await probeBackend(name);
  if (forced.has(word)) return { name, accelerator, run: true, reason: `forced by ALPAKA_TS_UNIT_TESTS=${word}` };
  return { name, accelerator, run: status.available, reason: status.available ? 'available' : 'not available here' };
}

export const testedBackends: readonly TestedBackend[] = [
  { name: 'serial_sync', accelerator: 'cpu', run: true, reason: 'always' },
  await gpuBackend('cuda_async', 'gpu-nvidia', 'cuda'),
  await gpuBackend('rocm_async', 'gpu-amd', 'rocm'),
];

export const backendTested = (name: TestedBackend['name']) =>
  testedBackends.find((backend) => backend.name === name) as TestedBackend;
