import { describe, expect, it } from 'vitest';
import { array, deviceFunction, f32, InvalidArgumentError, kernel, u32 } from '../src/index';

const signature = { n: u32, x: array(f32) };

describe('a kernel body', () => {
  it('may be an arrow or a function expression (made from text here: the linter turns written ones into arrows)', () => {
    expect(kernel('arrow', signature, (acc, { n, x }) => acc.f32(n + x[0])).source).toContain('=>');
    expect(kernel('minified', signature, new Function('e', 't', 'return e') as never).source).toMatch(/^function/);
  });

  it('is refused when declared if it is method shorthand, bound, async, a generator or a class', () => {
    const methods = {
      shorthand(_acc: unknown, _parameters: unknown) {},
      async later(_acc: unknown) {},
      *many(_acc: unknown) {},
    };
    const refusals: Array<[string, unknown, RegExp]> = [
      ['shorthand', methods.shorthand, /the body is method shorthand .*write it as an arrow function/],
      ['bound', ((_acc: unknown) => {}).bind(null), /the body is a bound or built-in function/],
      ['async', methods.later, /the body is async/],
      ['asyncArrow', async (_acc: unknown) => {}, /the body is async/],
      ['generator', methods.many, /the body is a generator/],
      ['aClass', class Kernel {}, /the body is a class/],
    ];
    for (const [name, body, message] of refusals) {
      expect(() => kernel(name, signature, body as never)).toThrow(InvalidArgumentError);
      expect(() => kernel(name, signature, body as never)).toThrow(message);
    }
    expect(() => deviceFunction('helper', { v: f32 }, f32, methods.shorthand as never)).toThrow(
      /device function 'helper': the body is method shorthand/,
    );
  });
});
