import { AlpakaError } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { hiprtcTargetCheck, knownTargetOutcome } from '../src/hip-targets';
import { hipVersionText } from '../src/hip-toolchain';

function check(refused: Record<string, string> = {}, hipVersion = 60_300_000) {
  const probed: string[] = [];
  const run = hiprtcTargetCheck(
    '/addon.node',
    '/libhiprtc.so',
    hipVersion,
    'hiprtc 9.0 of HIP 5.2.21153',
    (_a, _h, target) => {
      probed.push(target);
      return refused[target];
    },
  );
  return { run, probed };
}

describe('the check that refuses targets hiprtc does not know, before it is called', () => {
  it('tries each target once per process and remembers the outcome', () => {
    const { run, probed } = check({ gfx942: 'it crashed' });
    run('gfx90a');
    run('gfx90a');
    expect(() => run('gfx942')).toThrow(AlpakaError);
    expect(() => run('gfx942')).toThrow(
      'hiprtc 9.0 of HIP 5.2.21153 cannot compile for gfx942: it crashed. Use a ROCm whose hiprtc supports gfx942',
    );
    expect(probed).toEqual(['gfx90a', 'gfx942']);
  });

  it('accepts gfx names with feature settings, and refuses what is not an AMD target without trying it', () => {
    const { run, probed } = check();
    run('gfx90a:sramecc+:xnack-');
    run('gfx1030');
    for (const target of ['sm_90', 'gfx', 'gfx90a;rm -rf', '--offload-arch=gfx90a'])
      expect(() => run(target)).toThrow(`'${target}' is not an AMD GPU target`);
    expect(probed).toEqual(['gfx90a:sramecc+:xnack-', 'gfx1030']);
  });
});

describe('targets known for HIP 5.2 (decided without calling hiprtc)', () => {
  it('accepts the targets HIP 5.2 compiled for and refuses the families newer than it, with or without features', () => {
    expect(knownTargetOutcome(50_221_153, 'gfx90a')).toBe('compiles');
    expect(knownTargetOutcome(50_221_153, 'gfx90a:sramecc+:xnack-')).toBe('compiles');
    expect(knownTargetOutcome(50_221_153, 'gfx1030')).toBe('compiles');
    for (const target of ['gfx940', 'gfx942', 'gfx942:xnack+', 'gfx950', 'gfx1100', 'gfx1151', 'gfx1201'])
      expect(knownTargetOutcome(50_221_153, target), target).toBe('predates');
    // Not seen either way: left to the child-process check.
    expect(knownTargetOutcome(50_221_153, 'gfx701')).toBeUndefined();
    // Nothing is assumed of other releases.
    expect(knownTargetOutcome(60_300_000, 'gfx942')).toBeUndefined();
    expect(knownTargetOutcome(60_300_000, 'gfx90a')).toBeUndefined();
  });

  it('so on HIP 5.2 only an unknown target reaches the child-process check', () => {
    const { run, probed } = check({}, 50_221_153);
    run('gfx90a');
    expect(() => run('gfx942')).toThrow(
      "cannot compile for gfx942: this HIP release predates gfx942's family (asked for it anyway, this hiprtc aborts the process), so it was not called",
    );
    run('gfx701');
    expect(probed).toEqual(['gfx701']);
  });
});

describe('HIP version numbers', () => {
  it('reads major × 10^7 + minor × 10^5 + patch', () => {
    expect(hipVersionText(50221153)).toBe('5.2.21153');
    expect(hipVersionText(60342134)).toBe('6.3.42134');
  });
});
