import { array, deviceFunction, f32, i32, kernel, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { checkKernel, emitCpp } from '../src/index';
import { cpuTargets, runCompiled } from './run-compiled';

const twice = deviceFunction('twice', { value: i32 }, i32, (_acc, { value }) => value * 2);
const compile = (definition: ReturnType<typeof kernel>) => () => checkKernel(definition, { dimension: 1 });

describe('device functions', () => {
  it.each(cpuTargets)('are called by their local name, with integer semantics (%s)', (target) => {
    const doubled = kernel('doubled', { n: u32, out: array(i32), twice }, (acc, { n, out, twice: t }) => {
      for (const i of acc.uniformElements(n)) out[i] = t(out[i]) + t(1);
    });
    const out = Int32Array.from([1, -2, 1_500_000_000]);
    runCompiled(doubled, { n: 3, out }, { blocks: 1, elements: 3, target });
    // 1_500_000_000 * 2 wraps in i32, as it does in C.
    expect([...out]).toEqual([4, -2, (3_000_000_000 | 0) + 2]);
  });

  it.each(cpuTargets)('take device functions anywhere in their signature: only data is passed (%s)', (target) => {
    // `by` comes first in both signatures; a call passes the data parameters only, in signature order.
    const applied = deviceFunction(
      'applied',
      { by: twice, value: i32, offset: i32 },
      i32,
      (_acc, { by, value, offset }) => by(value) - offset,
    );
    const shifted = kernel('shifted', { applied, out: array(i32), n: u32 }, (acc, { applied, out, n }) => {
      for (const i of acc.uniformElements(n)) out[i] = applied(out[i], 1);
    });
    const out = Int32Array.from([1, 2, 3]);
    runCompiled(shifted, { n: 3, out }, { blocks: 1, elements: 3, target });
    expect([...out]).toEqual([1, 3, 5]);
  });

  it('are emitted once per kernel, before the entry, in C++', () => {
    const doubled = kernel('doubledCpp', { out: array(i32), twice }, (_acc, { out, twice }) => {
      out[0] = twice(out[0]);
    });
    const { code } = emitCpp(checkKernel(doubled, { dimension: 1 }), 1, 'cuda');
    expect(
      code.indexOf('static __device__ int32_t fn_doubledCpp_1d__doubledCpp__twice(int32_t v_value)'),
    ).toBeGreaterThanOrEqual(0);
    expect(code.indexOf('fn_doubledCpp_1d__doubledCpp__twice(')).toBeLessThan(
      code.indexOf('extern "C" __global__ void doubledCpp_1d'),
    );
  });

  it('reject recursion, a missing return, kernel-only acc methods and writes to read-only arrays', () => {
    // Two functions that call each other: written as plain definitions, since deviceFunction() freezes its result.
    const source = '(_acc, { value, other }) => other(value)';
    const ping = {
      kind: 'deviceFunction',
      name: 'ping',
      returns: i32,
      source,
      body: () => 0,
      signature: {} as Record<string, unknown>,
    };
    const pong = {
      kind: 'deviceFunction',
      name: 'pong',
      returns: i32,
      source,
      body: () => 0,
      signature: { value: i32, other: ping },
    };
    ping.signature = { value: i32, other: pong };
    const recursive = ping as unknown as ReturnType<typeof deviceFunction<{ value: typeof i32 }, typeof i32>>;
    const cases: Array<[ReturnType<typeof kernel>, RegExp]> = [
      [
        kernel('usesRecursion', { out: array(i32), recursive }, (_acc, { out, recursive }) => {
          out[0] = recursive(1);
        }),
        /calls itself, directly or through another function/,
      ],
      [
        kernel(
          'missingReturn',
          {
            out: array(i32),
            f: { ...twice, name: 'maybe', source: '(_acc, { value }) => { if (value > 0) return 1; }' },
          },
          (_acc, { out, f }) => {
            out[0] = f(1);
          },
        ),
        /device function 'maybe' can reach its end without returning a i32/,
      ],
      [
        kernel(
          'indexInFunction',
          { out: array(u32), f: deviceFunction('where', {}, u32, (acc) => acc.getIdx('grid', 'threads')[0]) },
          (_acc, { out, f }) => {
            out[0] = f();
          },
        ),
        /acc\.getIdx is not available in device function 'where': compute it in the kernel and pass it in/,
      ],
      [
        kernel(
          'readOnlyArray',
          {
            x: array(i32, 'in'),
            f: deviceFunction('store', { target: array(i32), value: i32 }, undefined, (_acc, { target, value }) => {
              target[0] = value;
            }),
          },
          (_acc, { x, f }) => {
            f(x, 1);
          },
        ),
        /argument 1 of device function 'store' is written by the function, but the array is declared 'in'/,
      ],
      [
        kernel('wrongCount', { out: array(i32), twice }, (_acc, { out, twice }) => {
          out[0] = (twice as (...args: number[]) => number)(1, 2);
        }),
        /device function 'twice' takes 1 argument\(s\), not 2/,
      ],
      [
        kernel('floatIntoInt', { out: array(i32), twice, x: f32 }, (_acc, { out, twice, x }) => {
          out[0] = twice(x);
        }),
        /argument 1 of device function 'twice': a f32 value cannot become i32 implicitly/,
      ],
    ];
    for (const [definition, pattern] of cases) expect(compile(definition), definition.name).toThrow(pattern);
  });
});
