import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeLayout, defineLayout, deviceFunction, f32, f64, i16, kernel, u32, view } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import {
  checkKernel,
  emitCppModule,
  emitJavaScript,
  javaScriptView,
  KernelCompileError,
  viewLayoutOf,
  viewStruct,
} from '../src/index';
import { runCompiled } from './run-compiled';

const Hits = defineLayout('Hits', [
  { kind: 'column', name: 'x', elementType: f32 },
  { kind: 'scalar', name: 'scale', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 3 },
  { kind: 'matrixColumn', name: 'covariance', elementType: f64, rows: 2, columns: 3 },
  { kind: 'column', name: 'id', elementType: u32 },
]);

const reason = (definition: ReturnType<typeof kernel>): string => {
  try {
    checkKernel(definition, { dimension: 1 });
  } catch (error) {
    expect(error).toBeInstanceOf(KernelCompileError);
    return (error as KernelCompileError).message;
  }
  throw new Error(`kernel '${definition.name}' compiled, but it should not`);
};

describe('views as kernel arguments', () => {
  it('run in JavaScript over the bytes CMSSW lays out', () => {
    const fill = kernel('fillHits', { hits: view(Hits) }, (acc, { hits }) => {
      for (const i of acc.uniformElements(hits.size)) {
        hits.x[i] = i * 0.5;
        hits.id[i] = i + 1000;
        for (let k = 0; k < 3; k++) hits.flags[i * 3 + k] = acc.i16(k - i);
        for (let row = 0; row < 2; row++) {
          for (let column = 0; column < 3; column++) hits.covariance(row, column)[i] = row * 10 + column + i * 0.125;
        }
        hits.covariance(1, 2)[i] += 0.5;
      }
      if (acc.oncePerGrid()) hits.scale = hits.size;
    });
    const size = 21;
    const layout = computeLayout(Hits, size);
    const bytes = new ArrayBuffer(layout.byteSize + 64);
    const data = new DataView(bytes, 64);
    runCompiled(fill, { hits: javaScriptView(bytes, 64, layout) as never }, { blocks: 3, elements: 8 });
    const offset = (name: string) => layout.field(name).offset;
    const stride = layout.field('covariance').coefficientStride;
    expect(stride).toBe(256); // 21 f64 = 168 bytes, padded to 128's multiple
    for (let i = 0; i < size; i++) {
      expect(data.getFloat32(offset('x') + 4 * i, true)).toBe(i * 0.5);
      expect(data.getUint32(offset('id') + 4 * i, true)).toBe(i + 1000);
      for (let k = 0; k < 3; k++) expect(data.getInt16(offset('flags') + 2 * (3 * i + k), true)).toBe(k - i);
      for (let row = 0; row < 2; row++) {
        for (let column = 0; column < 3; column++) {
          // Coefficients are column-major: (row, column) is coefficient column * rows + row.
          const value = data.getFloat64(offset('covariance') + (column * 2 + row) * stride + 8 * i, true);
          // A compound assignment through a coefficient adds to the right element.
          expect(value).toBe(row * 10 + column + i * 0.125 + (row === 1 && column === 2 ? 0.5 : 0));
        }
      }
    }
    expect(data.getFloat64(offset('scale'), true)).toBe(size);
  });

  it('read each field once into a local in JavaScript, so loops index typed arrays', () => {
    const read = kernel('readHits', { hits: view(Hits, 'in'), out: view(Hits, 'out') }, (acc, { hits, out }) => {
      for (const i of acc.uniformElements(hits.size)) out.x[i] = hits.x[i] * acc.f32(hits.scale);
    });
    const { source } = emitJavaScript(checkKernel(read, { dimension: 1 }), 1);
    expect(source).toContain('const hits$$x = hits.x, hits$$scale = hits.scale');
    // Loads read 0 out of range (`?? 0`), as the WebAssembly emitter's guarded loads do.
    expect(source).toMatch(
      /out\$\$x\[i\] = Math\.fround\(\(hits\$\$x\[i\] \?\? 0\) \* Math\.fround\(\(hits\$\$scale\[0\] \?\? 0\)\)\)/,
    );
  });

  it('pass to device functions and keep their constness', () => {
    const scaled = deviceFunction('scaled', { hits: view(Hits, 'in'), i: u32 }, f64, (_acc, { hits, i }) => {
      return hits.x[i] * hits.scale;
    });
    const use = kernel('useScaled', { hits: view(Hits), scaled }, (acc, { hits, scaled }) => {
      for (const i of acc.uniformElements(hits.size)) hits.covariance(0, 0)[i] = scaled(hits, i);
    });
    const layout = computeLayout(Hits, 4);
    const bytes = new ArrayBuffer(layout.byteSize);
    new DataView(bytes).setFloat64(layout.field('scale').offset, 3, true);
    new Float32Array(bytes, layout.field('x').offset, 4).set([1, 2, 3, 4]);
    runCompiled(use, { hits: javaScriptView(bytes, 0, layout) as never }, { elements: 4 });
    expect([...new Float64Array(bytes, layout.field('covariance').offset, 4)]).toEqual([3, 6, 9, 12]);

    const writes = deviceFunction('writes', { hits: view(Hits), i: u32 }, undefined, (_acc, { hits, i }) => {
      hits.x[i] = 0;
    });
    const constCaller = kernel('constCaller', { hits: view(Hits, 'in'), writes }, (_acc, { hits, writes }) => {
      writes(hits, 0);
    });
    expect(reason(constCaller)).toMatch(/argument 1 of device function 'writes' is a view the function may write/);
  });

  it('reject what a view does not have, with the fields it does', () => {
    // biome-ignore format: the test reads the reasons, not positions
    const cases: Array<[ReturnType<typeof kernel>, RegExp]> = [
      // @ts-expect-error the typed view has no such field (the compiler must say so too)
      [kernel('unknownField', { hits: view(Hits) }, (_acc, { hits }) => { hits.y[0] = 1; }),
        /'Hits' has no field 'y'; its fields are x, scale, flags, covariance, id \(and size\)/],
      // @ts-expect-error the typed view has no such field (the compiler must say so too)
      [kernel('matrixAsColumn', { hits: view(Hits) }, (_acc, { hits }) => { hits.covariance[0] = 1; }),
        /'covariance' is a matrix column: read coefficient \(row, column\) of element i as covariance\(row, column\)\[i\]/],
      [kernel('matrixRow', { hits: view(Hits) }, (_acc, { hits }) => { hits.covariance(2, 0)[0] = 1; }),
        /'covariance' has 2 rows \(0 … 1\); 2 is outside/],
      // @ts-expect-error the typed view has no such field (the compiler must say so too)
      [kernel('callColumn', { hits: view(Hits) }, (_acc, { hits }) => { hits.x(0, 0)[0] = 1; }),
        /only matrix columns are, as m\(row, column\)\[i\]/],
      [kernel('writeConst', { hits: view(Hits, 'in') }, (_acc, { hits }) => { hits.x[0] = 1; }),
        /the view is declared 'in' \(a const view\)/],
      [kernel('writeConstScalar', { hits: view(Hits, 'in') }, (_acc, { hits }) => { hits.scale = 1; }),
        /the view is declared 'in' \(a const view\)/],
      [kernel('aliasView', { hits: view(Hits) }, (_acc, { hits }) => { const other = hits; other.x[0] = 1; }),
        /'other' would name view of 'Hits'; use the parameter itself/],
      [kernel('computedField', { hits: view(Hits) }, (_acc, { hits }) => { hits['x'][0] = 1; }),
        /a view's fields are read by name/],
      // @ts-expect-error the typed view has no such field (the compiler must say so too)
      [kernel('viewArithmetic', { hits: view(Hits), out: view(Hits) }, (_acc, { hits, out }) => { out.x[0] = hits + 1; }),
        /view of 'Hits'/],
    ];
    for (const [definition, pattern] of cases) expect(reason(definition), definition.name).toMatch(pattern);
  });

  it('refuse a field named size, which kernels read as the element count', () => {
    expect(() => defineLayout('Sized', [{ kind: 'column', name: 'size', elementType: u32 }])).toThrow(
      /a field cannot be named 'size'/,
    );
  });
});

describe('the C++ struct of a view', () => {
  it('has one pointer per field, matrix strides, then the size, at the offsets backends write', () => {
    const struct = viewStruct(viewLayoutOf(Hits));
    expect(struct.members).toEqual([
      { kind: 'pointer', field: 'x', offset: 0 },
      { kind: 'pointer', field: 'scale', offset: 8 },
      { kind: 'pointer', field: 'flags', offset: 16 },
      { kind: 'pointer', field: 'covariance', offset: 24 },
      { kind: 'pointer', field: 'id', offset: 32 },
      { kind: 'stride', field: 'covariance', offset: 40 },
      { kind: 'size', offset: 44 },
    ]);
    expect(struct.byteSize).toBe(48);
  });

  it('is what a C++ compiler lays out (g++ checks offsetof against viewStruct)', () => {
    const fill = kernel('structHits', { hits: view(Hits) }, (acc, { hits }) => {
      for (const i of acc.uniformElements(hits.size)) hits.id[i] = i;
    });
    const module = emitCppModule('cuda', [{ kernel: fill, dimension: 1 }]);
    const layout = viewLayoutOf(Hits);
    const struct = module.source.match(/struct alpaka_view_\w+ \{[^}]*\};/)?.[0];
    expect(struct).toBeDefined();
    const name = `alpaka_view_${layout.id}`;
    const checks = viewStruct(layout).members.map((member) => {
      const cpp = member.kind === 'size' ? 'size' : `v_${member.field}${member.kind === 'stride' ? '_stride' : ''}`;
      return `static_assert(offsetof(${name}, ${cpp}) == ${member.offset}, "${cpp}");`;
    });
    const folder = mkdtempSync(join(tmpdir(), 'alpaka-view-struct-'));
    const file = join(folder, 'struct.cc');
    writeFileSync(
      file,
      `#include <cstddef>\n#include <cstdint>\n${struct}\n${checks.join('\n')}\nstatic_assert(sizeof(${name}) == ${viewStruct(layout).byteSize}, "size");\n`,
    );
    const result = spawnSync('g++', ['-std=c++17', '-fsyntax-only', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is named by layout and fields, so two layouts of one name never share a struct', () => {
    const other = defineLayout('Hits', [{ kind: 'column', name: 'x', elementType: f64 }]);
    expect(viewLayoutOf(other).id).not.toBe(viewLayoutOf(Hits).id);
    expect(viewLayoutOf(Hits).id).toMatch(/^Hits_[0-9a-f]{8}$/);
  });
});
