import { array, f32, i32, kernel, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { checkKernel, compileJavaScriptKernel, emitCppModule, emitJavaScript, KernelCompileError } from '../src/index';

const compile = (definition: ReturnType<typeof kernel>) => () => checkKernel(definition, { dimension: 1 });

function rejects(definition: ReturnType<typeof kernel>, line: number, column: number, pattern: RegExp) {
  const attempt = compile(definition);
  expect(attempt).toThrow(KernelCompileError);
  try {
    attempt();
  } catch (error) {
    const failure = error as KernelCompileError;
    expect(failure.message).toMatch(new RegExp(`^kernel '${definition.name}', line ${line}, column ${column}: `));
    expect(failure.reason).toMatch(pattern);
  }
}

const outer = 3;
// A free function the 'recursive' kernel tries to call (kernels cannot call free functions).
declare function recursive(): void;

describe('the kernel language rejects, with kernel name, line and column', () => {
  it('free identifiers, saying how to pass the value in', () => {
    // biome-ignore format: the positions below depend on this layout
    const k = kernel('freeIdentifier', { out: array(i32) }, (_acc, { out }) => {
      out[0] = outer;
    });
    rejects(k, 2, 16, /'outer' is not defined in the kernel.*Pass 'outer' in as a parameter/);
  });

  it("integer '/', pointing to Math.trunc", () => {
    // biome-ignore format: positions
    const k = kernel('integerDivision', { a: i32, b: i32, out: array(i32) }, (_acc, { a, b, out }) => {
      out[0] = a / b;
    });
    rejects(k, 2, 16, /'\/' between integers \(i32 \/ i32\).*Math\.trunc\(a \/ b\)/);
  });

  it('implicit float-to-integer narrowing, pointing to the casts', () => {
    // biome-ignore format: positions
    const k = kernel('narrowing', { x: f32, out: array(i32) }, (_acc, { x, out }) => {
      out[0] = x * 2;
    });
    rejects(k, 2, 16, /a f32 value cannot become i32 implicitly.*acc\.i32\(…\)/);
  });

  it("writes to 'in' arrays", () => {
    // biome-ignore format: positions
    const k = kernel('writeIn', { x: array(f32, 'in') }, (_acc, { x }) => {
      x[0] = 1;
    });
    rejects(k, 2, 7, /declared 'in' \(read-only\)/);
  });

  it('this, closures, strings, objects, new, recursion through free names', () => {
    const cases: Array<[ReturnType<typeof kernel>, RegExp]> = [
      [
        kernel('usesThis', { out: array(i32) }, function (this: { v: number }, _acc, { out }) {
          out[0] = this.v;
        }),
        /'this' is not available/,
      ],
      [
        kernel('closure', { out: array(i32) }, (_acc, { out }) => {
          const f = () => 1;
          out[0] = f();
        }),
        /functions cannot be declared inside a kernel/,
      ],
      [
        kernel('string', { out: array(i32) }, (_acc, { out }) => {
          out[0] = 'a' as never;
        }),
        /not a value of the kernel language/,
      ],
      [
        kernel('object', { out: array(i32) }, (_acc, { out }) => {
          const o = { a: 1 };
          out[0] = o.a;
        }),
        /objects are not in the kernel language/,
      ],
      [
        kernel('allocates', { out: array(i32) }, (_acc, { out }) => {
          const t = new Int32Array(4);
          out[0] = t[0];
        }),
        /'new' is not in the kernel language/,
      ],
      [
        kernel('recursive', { out: array(i32) }, (_acc, { out }) => {
          recursive();
          out[0] = 1;
        }),
        /'recursive' cannot be called/,
      ],
      [
        kernel('lengthOfArray', { out: array(i32) }, (_acc, { out }) => {
          out[0] = out.length;
        }),
        /arrays have no length inside a kernel/,
      ],
      [
        kernel('var', { out: array(i32) }, (_acc, { out }) => {
          var v = 1;
          out[0] = v;
        }),
        /'var' is not in the kernel language/,
      ],
      [
        kernel('unknownMethod', { out: array(i32) }, (acc, { out }) => {
          out[0] = (acc as never as { foo(): number }).foo();
        }),
        /acc\.foo is not a method/,
      ],
      [
        kernel('helperOutsideLoop', { out: array(i32) }, (acc, { out }) => {
          const it = acc.uniformElements(4);
          out[0] = it as never;
        }),
        /is used as a loop/,
      ],
      [
        kernel('random', { out: array(f32) }, (_acc, { out }) => {
          out[0] = Math.random();
        }),
        /Math\.random is not available/,
      ],
      [
        kernel('badOrigin', { out: array(u32) }, (acc, { out }) => {
          out[0] = acc.getIdx('warp' as never, 'threads')[0];
        }),
        /the origin must be one of the literals/,
      ],
      [
        kernel('floatAtomicAnd', { out: array(f32) }, (acc, { out }) => {
          acc.atomicAnd(out, 0, 1);
        }),
        /works on integer arrays only/,
      ],
      [
        kernel('wrongParameter', { out: array(i32) }, ((
          _acc: unknown,
          { out, other }: { out: number[]; other: number },
        ) => {
          out[0] = other;
        }) as never),
        /'other' is not a parameter of the signature/,
      ],
    ];
    for (const [definition, pattern] of cases) {
      expect(compile(definition), definition.name).toThrow(pattern);
    }
  });

  it('loop helpers that need a 1-dimensional work division in a 2D launch', () => {
    const k = kernel('oneDimensional', { n: u32, out: array(u32) }, (acc, { n, out }) => {
      for (const i of acc.uniformElements(n)) out[i] = 1;
    });
    expect(() => checkKernel(k, { dimension: 2 })).toThrow(
      /needs a 1-dimensional work division; this launch has 2 dimensions/,
    );
  });

  it('a body that does not parse', () => {
    const k = kernel('broken', { out: array(i32) }, () => {});
    const broken = { ...k, source: '(_acc, { out }) => { out[0] = ; }' };
    expect(() => checkKernel(broken, { dimension: 1 })).toThrow(
      /kernel 'broken', line 1, .*cannot parse the kernel body/,
    );
  });
});

describe('switch', () => {
  const message = (definition: ReturnType<typeof kernel>): string => {
    try {
      checkKernel(definition, { dimension: 1 });
    } catch (error) {
      return (error as Error).message;
    }
    return 'compiled';
  };

  it('rejects what C would not take: non-literal labels, float values, repeated labels, declarations across cases', () => {
    // biome-ignore format: one case per line
    const cases: Array<[ReturnType<typeof kernel>, RegExp]> = [
      [kernel('labelVariable', { a: i32, b: i32, out: array(i32) }, (_acc, { a, b, out }) => { switch (a) { case b: out[0] = 1; } }),
        /a case label must be an integer literal or a specialised constant\(\) \(C needs a constant\)/],
      [kernel('floatSwitch', { x: f32, out: array(i32) }, (_acc, { x, out }) => { switch (x) { case 1: out[0] = 1; } }),
        /a switch needs an integer value, not f32/],
      // biome-ignore lint/suspicious/noDuplicateCase: the compiler must reject it
      [kernel('twice', { a: i32, out: array(i32) }, (_acc, { a, out }) => { switch (a) { case 1: out[0] = 1; break; case 1: out[0] = 2; } }),
        /case 1 appears twice/],
      [kernel('unsignedNegative', { a: u32, out: array(i32) }, (_acc, { a, out }) => { switch (a) { case -1: out[0] = 1; } }),
        /case -1 is not a value of the switch's type u32/],
      // @ts-expect-error 'k' is out of scope in the second case, which is what the compiler must say
      [kernel('caseScope', { a: i32, out: array(i32) }, (_acc, { a, out }) => { switch (a) { case 1: { out[0] = 1; const k = 2; out[1] = k; break; }case 2: out[0] = k; } }),
        /'k' is not defined in the kernel/],
    ];
    for (const [definition, pattern] of cases) expect(message(definition), definition.name).toMatch(pattern);
  });

  it('is emitted as a switch in both languages, labels typed as the value', () => {
    const labels = kernel('labels', { a: u32, out: array(i32) }, (_acc, { a, out }) => {
      switch (a) {
        case 4000000000:
          out[0] = 1;
          break;
        default:
          out[0] = 2;
      }
    });
    const module = emitCppModule('cuda', [{ kernel: labels, dimension: 1 }]);
    expect(module.source).toMatch(/switch \(v_a\) \{\s*case 4000000000u: \{/);
    expect(emitJavaScript(checkKernel(labels, { dimension: 1 }), 1).source).toMatch(
      /switch \(a\) \{\s*case 4000000000: \{/,
    );
  });
});

describe('machine-written kernels past what the compiler can nest', () => {
  it('are refused with a KernelCompileError saying how to split them, not a stack overflow, on every emitter', () => {
    const deep = (terms: number) =>
      kernel(
        `deep${terms}`,
        { x: array(f32) },
        new Function('acc', '{ x }', `x[0] = ${Array(terms).fill('x[1]').join(' + ')};`) as never,
      );
    expect(() => compile(deep(200))()).not.toThrow();
    for (const terms of [300, 3000]) {
      const definition = deep(terms);
      for (const attempt of [
        compile(definition),
        () => compileJavaScriptKernel(definition, 1, undefined),
        () => emitCppModule('cuda', [{ kernel: definition, dimension: 1 }]),
      ]) {
        expect(attempt).toThrow(KernelCompileError);
        expect(attempt).toThrow(/nested more than 256 levels deep; split it into local variables/);
      }
    }
    // Deeper still, the parser runs out of stack first, and says so as a compile error too.
    expect(compile(deep(30000))).toThrow(/cannot parse the kernel body: Not enough stack space/);
  });
});
