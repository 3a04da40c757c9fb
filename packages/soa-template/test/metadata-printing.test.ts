import { f64, i16, i32, u16, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { allocateView, computeLayout, defineLayout, describeLayout, formatView, SoaView } from '../src/index';

const TestSoA = defineLayout('TestSoA', [
  { kind: 'column', name: 'x', elementType: f64 },
  { kind: 'column', name: 'y', elementType: f64 },
  { kind: 'column', name: 'z', elementType: f64 },
  { kind: 'column', name: 'id', elementType: i32 },
  { kind: 'scalar', name: 'r', elementType: f64 },
  { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 4 },
  { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 3, columns: 6 },
]);

describe('metadata()', () => {
  it("gives CMSSW's size, byteSize, alignment, data, nextByte, and per column address, pitch and type", () => {
    // A view 256 bytes into a larger buffer, as a second layout of a multi-collection is.
    const buffer = new ArrayBuffer(256 + 3072 + 64);
    const view = new SoaView(TestSoA, 10, buffer, 256);
    const metadata = view.metadata();
    expect([metadata.size, metadata.byteSize, metadata.alignment, metadata.alignmentEnforcement]).toEqual([
      10,
      3072,
      128,
      false,
    ]);
    expect([metadata.byteOffset, metadata.nextByte, metadata.data.byteOffset, metadata.data.byteLength]).toEqual([
      256,
      256 + 3072,
      256,
      3072,
    ]);
    expect(metadata.data.buffer).toBe(buffer);
    // TestSoA at N=10: x 0, y 128, z 256, id 384, r 512, flags 640, m 768 (cmssw-data-formats.md).
    expect(['x', 'y', 'z', 'id', 'r', 'flags', 'm'].map((name) => metadata.addressOf(name) - 256)).toEqual([
      0, 128, 256, 384, 512, 640, 768,
    ]);
    expect(['x', 'id', 'r', 'flags', 'm'].map((name) => metadata.pitch(name))).toEqual([128, 128, 128, 128, 128 * 18]);
    expect([metadata.typeOf('id'), metadata.columnTypeOf('m'), metadata.columnTypeOf('r')]).toEqual([
      i32,
      'matrixColumn',
      'scalar',
    ]);
    expect(() => metadata.addressOf('w')).toThrow("layout 'TestSoA' has no field 'w'");
  });

  it("agrees with every accessor on where a column is (TestAlpakaAnalyzer's address consistency)", () => {
    const view = allocateView(TestSoA, 5);
    const metadata = view.metadata();
    expect(view.columns.x?.byteOffset).toBe(metadata.addressOf('x'));
    expect(view.element('flags', 0).byteOffset).toBe(metadata.addressOf('flags'));
    expect(view.matrix('m').coefficient(0, 0).byteOffset).toBe(metadata.addressOf('m'));
    expect(view.matrix('m').coefficient(1, 0).byteOffset).toBe(metadata.addressOf('m') + metadata.pitch('m') / 18);
  });
});

describe('printing', () => {
  it("prints a layout line for line as CMSSW's operator<< (SoATemplate's stream test, 32 elements, alignment 64)", () => {
    // The layout of CMSSW's SoALayout stream test; its pointer and string columns are 8-byte values here.
    const SoATemplate = defineLayout(
      'SoATemplate',
      [
        { kind: 'column', name: 'x', elementType: f64 },
        { kind: 'column', name: 'y', elementType: f64 },
        { kind: 'column', name: 'z', elementType: f64 },
        { kind: 'matrixColumn', name: 'a', elementType: f64, rows: 3, columns: 1 },
        { kind: 'matrixColumn', name: 'b', elementType: f64, rows: 3, columns: 1 },
        { kind: 'matrixColumn', name: 'r', elementType: f64, rows: 3, columns: 1 },
        { kind: 'column', name: 'colour', elementType: u16 },
        { kind: 'column', name: 'value', elementType: i32 },
        { kind: 'column', name: 'py', elementType: f64 },
        { kind: 'column', name: 'count', elementType: u32 },
        { kind: 'column', name: 'anotherCount', elementType: u32 },
        { kind: 'scalar', name: 'description', elementType: f64 },
        { kind: 'scalar', name: 'someNumber', elementType: u32 },
      ],
      { alignment: 64 },
    );
    expect(describeLayout(computeLayout(SoATemplate, 32))).toBe(
      [
        'SoATemplate(32 elements, byte alignement= 64, @0): ',
        ' Column x at offset 0 has size 256 and padding 0',
        ' Column y at offset 256 has size 256 and padding 0',
        ' Column z at offset 512 has size 256 and padding 0',
        ' Eigen value a at offset 768 has dimension (3 x 1) and per column size 256 and padding 0',
        ' Eigen value b at offset 1536 has dimension (3 x 1) and per column size 256 and padding 0',
        ' Eigen value r at offset 2304 has dimension (3 x 1) and per column size 256 and padding 0',
        ' Column colour at offset 3072 has size 64 and padding 0',
        ' Column value at offset 3136 has size 128 and padding 0',
        ' Column py at offset 3264 has size 256 and padding 0',
        ' Column count at offset 3520 has size 128 and padding 0',
        ' Column anotherCount at offset 3648 has size 128 and padding 0',
        ' Scalar description at offset 3776 has size 8 and padding 56',
        ' Scalar someNumber at offset 3840 has size 4 and padding 60',
        'Final offset = 3904 computeDataSize(...): 3904',
        '', // CMSSW's two std::endl
        '',
      ].join('\n'),
    );
  });

  it("a view's toString is its layout's, at the view's start; padding of an uneven size is per coefficient column", () => {
    const view = new SoaView(TestSoA, 10, new ArrayBuffer(4096), 512);
    const text = String(view);
    expect(text.split('\n')[0]).toBe('TestSoA(10 elements, byte alignement= 128, @512): ');
    expect(text).toContain(' Column id at offset 384 has size 40 and padding 88\n');
    expect(text).toContain(' Column flags at offset 640 has size 80 and padding 48\n');
    expect(text).toContain(
      ' Eigen value m at offset 768 has dimension (3 x 6) and per column size 80 and padding 48\n',
    );
    expect(text).toContain('Final offset = 3072 computeDataSize(...): 3072\n');
  });

  it("prints a view's values as a table: scalars, then one line per element, the first maxElements of them", () => {
    const Small = defineLayout('Small', [
      { kind: 'column', name: 'x', elementType: f64 },
      { kind: 'scalar', name: 'r', elementType: f64 },
      { kind: 'arrayColumn', name: 'flags', elementType: i16, length: 2 },
      { kind: 'matrixColumn', name: 'm', elementType: f64, rows: 2, columns: 2 },
    ]);
    const view = allocateView(Small, 3);
    view.scalars.r = 1.5;
    for (let i = 0; i < 3; i++)
      view.at(i).assign({
        x: i / 2,
        flags: [i, -i],
        m: [
          [i, 0],
          [0, i],
        ],
      });
    const lines = formatView(view, { maxElements: 2 }).split('\n');
    expect(lines[0]).toBe('Small: 3 elements; r = 1.5');
    const cells = (line: string) =>
      line
        .split('│')
        .map((cell) => cell.trim())
        .filter((cell) => cell !== '');
    expect(cells(lines[2] as string)).toEqual(['element', 'x', 'flags', 'm']);
    const body = lines
      .filter((line) => line.startsWith('│'))
      .slice(1)
      .map(cells);
    expect(body).toEqual([
      ['0', '0', '[0, 0]', '[[0, 0], [0, 0]]'],
      ['1', '0.5', '[1, -1]', '[[1, 0], [0, 1]]'],
    ]);
    expect(lines.at(-1)).toBe('… 1 more elements');
    expect(formatView(view)).not.toContain('more elements');
  });
});
