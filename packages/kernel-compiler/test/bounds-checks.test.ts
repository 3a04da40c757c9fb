import { array, deviceFunction, f32, kernel, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { boundsViolation, checkKernel, compileJavaScriptKernel, emitCpp, emitJavaScript } from '../src/index';

const store = deviceFunction('store', { values: array(f32), at: u32 }, undefined, (_acc, { values, at }) => {
  values[at] = 1;
});
const withFunction = kernel('withFunction', { n: u32, y: array(f32), store }, (acc, { n, y, store }) => {
  for (const i of acc.uniformElements(n)) store(y, i);
});

describe('bounds-checked variants', () => {
  it('are compiled and cached apart from the unchecked kernel', () => {
    const unchecked = compileJavaScriptKernel(withFunction, 1);
    const checked = compileJavaScriptKernel(withFunction, 1, undefined, true);
    expect(checked).not.toBe(unchecked);
    expect(compileJavaScriptKernel(withFunction, 1, undefined, true)).toBe(checked);
    expect(unchecked.source).not.toContain('$$violation');
    expect(checked.source).toContain('$$violation');
  });

  it('name the device function parameter an access goes through', () => {
    const { boundsSites } = emitJavaScript(checkKernel(withFunction, { dimension: 1 }), 1, true);
    expect(boundsSites).toEqual([{ target: "device function 'store' parameter 'values'", signedIndex: false }]);
    const message = boundsViolation('withFunction', [3, 1, 8, 8], boundsSites)?.message;
    expect(message).toBe(
      "kernel 'withFunction': device function 'store' parameter 'values' index 8 is out of range (extent 8); 2 more out-of-range accesses were skipped.",
    );
    expect(boundsViolation('withFunction', [0, 0, 0, 0], boundsSites)).toBeUndefined();
  });

  it('in C++, take the bounds record, the dynamic shared bytes and each array length as hidden parameters', () => {
    const ir = checkKernel(withFunction, { dimension: 1 });
    const checked = emitCpp(ir, 1, 'cuda', false, true);
    expect(checked.entry).toBe('withFunction_1d_bc');
    expect(checked.hiddenParameters).toEqual(['elements', 'bounds', 'dynamicSharedBytes', 'length']);
    expect(checked.lengthParameters).toEqual(['y']);
    expect(checked.code).toContain('alpaka_bounded_store(v_values, v_at, v_values_length, 0u, alpaka_bounds, ');
    const unchecked = emitCpp(ir, 1, 'cuda');
    expect(unchecked.hiddenParameters).toEqual(['elements']);
    expect(unchecked.code).not.toContain('alpaka_bounded');
  });
});
