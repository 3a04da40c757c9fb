import { spawnSync } from 'node:child_process';
import { UnsupportedTargetError } from '@alpaka-ts/interface';

/** An AMD GPU target as --offload-arch takes it: a gfx name with optional feature settings ("gfx90a:xnack-"). */
const targetPattern = /^gfx[0-9a-f]{3,4}(:[a-z0-9]+[+-])*$/;

// Compiles a one-line kernel for the target in a child process and prints the outcome as JSON. An old hiprtc
// asked for a target it predates (HIP 5.2 for gfx942) does not fail: it corrupts its heap and aborts the
// process, which here is the child's.
const probeScript = `
const addon = require(process.env.ALPAKA_ROCM_ADDON);
const hiprtc = addon.loadHiprtc(process.env.ALPAKA_ROCM_HIPRTC);
if (!hiprtc.loaded) { process.stdout.write(JSON.stringify({ loaded: false, reason: hiprtc.reason })); process.exit(0); }
const result = addon.compile('extern "C" __global__ void alpaka_target_probe(int* x) { x[threadIdx.x] = 1; }',
  'alpaka_target_probe.hip', ['--offload-arch=' + process.env.ALPAKA_ROCM_TARGET]);
process.stdout.write(JSON.stringify({ loaded: true, ok: result.ok, error: result.error, log: result.log }));
`;

// What HIP 5.2's hiprtc (Debian's libamdhip64-5, the HIP of CI) was seen to do, target by target, on 2026-11-22:
// it compiles for these, and aborts the process for every gfx94x, gfx11xx and gfx12xx target tried (gfx940,
// gfx941, gfx942, gfx1100 – gfx1103, gfx1150, gfx1200), families newer than that release.
const compiledByHip52 = new Set([
  'gfx700',
  'gfx803',
  'gfx900',
  'gfx902',
  'gfx904',
  'gfx906',
  'gfx908',
  'gfx909',
  'gfx90a',
  'gfx90c',
  'gfx1010',
  'gfx1011',
  'gfx1012',
  'gfx1013',
  'gfx1030',
  'gfx1031',
  'gfx1032',
  'gfx1033',
  'gfx1034',
  'gfx1035',
  'gfx1036',
]);
const newerThanHip52 = /^gfx(9[4-9][0-9a-f]|1[1-9][0-9a-f]{2})$/;

/**
 * What is known without trying a target: 'compiles', 'predates' (this hiprtc is older than the target's family),
 * or undefined (unknown: the child-process check decides). Known for HIP up to 5.2 only.
 */
export function knownTargetOutcome(hipRuntimeVersion: number, target: string): 'compiles' | 'predates' | undefined {
  if (hipRuntimeVersion >= 50_300_000) return undefined;
  const processor = target.split(':')[0] ?? target;
  if (compiledByHip52.has(processor)) return 'compiles';
  if (newerThanHip52.test(processor)) return 'predates';
  return undefined;
}

/** What the target check found: undefined when hiprtc compiles for the target, else why not. */
export function probeHiprtcTarget(addonPath: string, hiprtcPath: string, target: string): string | undefined {
  const run = spawnSync(process.execPath, ['-e', probeScript], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ALPAKA_ROCM_ADDON: addonPath, ALPAKA_ROCM_HIPRTC: hiprtcPath, ALPAKA_ROCM_TARGET: target },
  });
  if (run.error) return `the check could not run (${run.error.message})`;
  if (run.signal || run.status !== 0) {
    const ending = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.status}`;
    const last = `${run.stderr ?? ''}`.trim().split('\n').pop() ?? '';
    return `compiling a one-line kernel for it crashed the checking process (it ${ending}${last ? `: ${last}` : ''}), as a hiprtc does for a target newer than itself`;
  }
  try {
    const outcome = JSON.parse(run.stdout) as {
      loaded: boolean;
      reason?: string;
      ok?: boolean;
      error?: string;
      log?: string;
    };
    if (!outcome.loaded) return `the checking process could not load hiprtc (${outcome.reason})`;
    if (outcome.ok) return undefined;
    return `it refuses a one-line kernel for it (${outcome.error}: ${(outcome.log ?? '').trim().split('\n')[0]})`;
  } catch {
    return `the checking process printed no outcome (${run.stdout.slice(0, 200)})`;
  }
}

/**
 * A check, run before hiprtc is asked to compile for a target, that refuses targets this hiprtc does not know with
 * a clear error instead of crashing the process. Targets known for this HIP release (knownTargetOutcome) are
 * decided without calling hiprtc; any other is tried once per process in a child process.
 * `describe` names the hiprtc for the message ("hiprtc 9.0 of HIP 5.2.21153 (libamdhip64.so.5)").
 */
export function hiprtcTargetCheck(
  addonPath: string,
  hiprtcPath: string,
  hipRuntimeVersion: number,
  describe: string,
  probe: (addonPath: string, hiprtcPath: string, target: string) => string | undefined = probeHiprtcTarget,
): (target: string) => void {
  const outcomes = new Map<string, string | undefined>();
  return (target) => {
    if (!targetPattern.test(target)) {
      throw new UnsupportedTargetError(
        `'${target}' is not an AMD GPU target; rocm_async compiles for gfx names such as gfx90a or gfx90a:xnack-.`,
      );
    }
    if (!outcomes.has(target)) {
      const known = knownTargetOutcome(hipRuntimeVersion, target);
      outcomes.set(
        target,
        known === 'compiles'
          ? undefined
          : known === 'predates'
            ? `this HIP release predates ${target.split(':')[0]}'s family (asked for it anyway, this hiprtc aborts the process), so it was not called`
            : probe(addonPath, hiprtcPath, target),
      );
    }
    const refusal = outcomes.get(target);
    if (refusal !== undefined) {
      throw new UnsupportedTargetError(
        `${describe} cannot compile for ${target}: ${refusal}. Use a ROCm whose hiprtc supports ${target} (set ROCM_PATH or LD_LIBRARY_PATH to it); kernels were not compiled.`,
      );
    }
  };
}
