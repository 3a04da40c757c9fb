import { AlpakaError } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { hiprtcTargetCheck, hipVersionText } from '../src/index';

function check(refused: Record<string, string> = {}) {
  const probed: string[] = [];
  const run = hiprtcTargetCheck('/addon.node', '/libhiprtc.so.5', 'hiprtc 9.0 of HIP 5.2.21153', (_a, _h, target) => {
    probed.push(target);
    return refused[target];
  });
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

describe('HIP version numbers', () => {
  it('reads major × 10^7 + minor × 10^5 + patch', () => {
    expect(hipVersionText(50221153)).toBe('5.2.21153');
    expect(hipVersionText(60342134)).toBe('6.3.42134');
  });
});
