import { array, f32, kernel, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { emitCppModule } from '../src/index';

const checked = kernel('checkedScale', { n: u32, out: array(f32) }, (acc, { n, out }) => {
  for (const i of acc.uniformElements(n)) {
    acc.check(out[i] >= 0, 1);
    out[i] = out[i] * 2;
  }
});
const unchecked = kernel('uncheckedScale', { n: u32, out: array(f32) }, (acc, { n, out }) => {
  for (const i of acc.uniformElements(n)) out[i] = out[i] * 2;
});

describe('emitCppModule', () => {
  it('says which kernels call acc.check, so a backend need not check the kernel a second time', () => {
    for (const dialect of ['cuda', 'hip'] as const) {
      const module = emitCppModule(dialect, [
        { kernel: checked, dimension: 1 },
        { kernel: unchecked, dimension: 1 },
      ]);
      expect(module.kernels.map((emitted) => [emitted.entry, emitted.usesChecks])).toEqual([
        ['checkedScale_1d', true],
        ['uncheckedScale_1d', false],
      ]);
      // The check buffer is a hidden parameter exactly when the kernel uses checks.
      expect(module.kernels.map((emitted) => emitted.hiddenParameters.includes('checks'))).toEqual([true, false]);
    }
  });
});
