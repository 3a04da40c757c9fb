import { Buffer } from '../../buffer';
import { allocAsyncBuf, allocBuf, allocMappedBuf } from '../../buffer-allocation';
import { asConst, createSubView, createView } from '../../buffer-views';
import { host } from '../../device';
import { elementTypes, f32, f64, i32, u8, u16, u32 } from '../../element-types';
import { InvalidArgumentError } from '../../errors';
import { fill, memcpy, memset } from '../../memory';
import { expectArrayEqual, expectEqual, expectThrows, expectTrue } from '../assertions';
import { defineCases } from '../conformance-case';

const iota = (length: number, start = 0) => Array.from({ length }, (_, index) => start + index);

export const memoryBufferCases = defineCases('mem/buf', {
  'allocBuf gives extents, length, pitches, element type and device': async (context) => {
    const buffer = allocBuf(context.device, f32, [3, 4, 5]);
    expectTrue(buffer instanceof Buffer, 'allocBuf returns a Buffer');
    expectArrayEqual(buffer.extents, [3, 4, 5], 'extents');
    expectEqual(buffer.length, 60, 'length');
    expectArrayEqual(buffer.pitchesBytes, [80, 20, 4], 'pitches in bytes of a tight 3D buffer');
    expectEqual(buffer.elementType, f32, 'element type');
    expectEqual(buffer.device, context.device, 'device');
    expectArrayEqual(allocBuf(context.device, u16, 7).pitchesBytes, [2], '1D pitches');
  },

  'zero-size buffers are legal and copy nothing': async (context) => {
    const queue = context.queue();
    const empty = allocBuf(context.device, f64, 0);
    expectEqual(empty.length, 0, 'length of an empty buffer');
    memcpy(queue, empty, allocBuf(host(), f64, 0));
    memset(queue, empty, 0);
    await queue.wait();
    const empty2D = allocBuf(context.device, i32, [0, 5]);
    expectEqual(empty2D.length, 0, 'length of a [0, 5] buffer');
  },

  'allocAsyncBuf memory is usable by work enqueued after it': async (context) => {
    const queue = context.queue();
    const buffer = allocAsyncBuf(queue, u32, 16);
    fill(queue, buffer, 7);
    expectArrayEqual(await context.read(queue, buffer), new Array(16).fill(7), 'filled stream-ordered buffer');
  },

  'allocMappedBuf gives host memory that JavaScript reads directly': async (context) => {
    const mapped = allocMappedBuf(context.device.platform, i32, 8);
    expectEqual(mapped.device, host(), 'a mapped buffer belongs to the host');
    mapped.hostArray().set(iota(8));
    const queue = context.queue();
    const onDevice = allocBuf(context.device, i32, 8);
    memcpy(queue, onDevice, mapped);
    expectArrayEqual(await context.read(queue, onDevice), iota(8), 'copied through pinned memory');
  },

  'bad extents are rejected with a clear error': async (context) => {
    await expectThrows(
      () => allocBuf(context.device, f32, -1),
      InvalidArgumentError,
      /not an integer in 0/,
      'negative extent',
    );
    await expectThrows(
      () => allocBuf(context.device, f32, [1, 2, 3, 4]),
      InvalidArgumentError,
      /1 to 3/,
      '4 dimensions',
    );
    await expectThrows(
      () => allocBuf(context.device, f32, 2.5),
      InvalidArgumentError,
      /not an integer/,
      'fractional extent',
    );
  },
});

export const viewCases = defineCases('view', {
  'a sub-view shares memory with its buffer': async (context) => {
    const queue = context.queue();
    const buffer = await context.deviceBufferOf(queue, i32, iota(10));
    const view = createSubView(buffer, 4, 3);
    fill(queue, view, -1);
    expectArrayEqual(
      await context.read(queue, buffer),
      [0, 1, 2, -1, -1, -1, -1, 7, 8, 9],
      'the view wrote into the buffer',
    );
  },

  'a view over a host array shares its memory': async () => {
    const array = new Float64Array([1, 2, 3]);
    const view = createView(array);
    expectEqual(view.elementType, f64, 'element type from the array');
    view.hostArray()[1] = 20;
    expectEqual(array[1], 20, 'a write through the view reaches the array');
  },

  'views out of range are rejected': async (context) => {
    const buffer = allocBuf(context.device, u8, [4, 4]);
    await expectThrows(
      () => createSubView(buffer, [2, 2], [3, 0]),
      InvalidArgumentError,
      /reach past the buffer/,
      'offset + extent beyond the buffer',
    );
    await expectThrows(() => createSubView(buffer, [2], [0]), InvalidArgumentError, /2 dimensions/, 'wrong dimension');
  },

  'a const view is a copy source but never a destination': async (context) => {
    const queue = context.queue();
    const source = asConst(await context.deviceBufferOf(queue, f32, [1, 2, 3]));
    expectTrue(source.isConst, 'asConst makes a const buffer');
    const destination = allocBuf(context.device, f32, 3);
    memcpy(queue, destination, source);
    expectArrayEqual(await context.read(queue, destination), [1, 2, 3], 'copied from a const view');
    await expectThrows(
      () => memcpy(queue, source, destination),
      InvalidArgumentError,
      /const/,
      'memcpy into a const view',
    );
    await expectThrows(() => memset(queue, source, 0), InvalidArgumentError, /const/, 'memset of a const view');
  },
});

export const copyCases = defineCases('copy', {
  'every element type survives host → device → host': async (context) => {
    const queue = context.queue();
    const samples: Record<string, number[]> = {
      bool: [0, 1, 1, 0],
      i8: [-128, -1, 0, 127],
      u8: [0, 1, 128, 255],
      i16: [-32768, -1, 0, 32767],
      u16: [0, 1, 40000, 65535],
      i32: [-2147483648, -1, 0, 2147483647],
      u32: [0, 1, 3000000000, 4294967295],
      f32: [-1.5, 0, 3.25, Math.fround(1e-30)],
      f64: [-Math.PI, 0, Math.E, 1e300],
    };
    for (const [name, values] of Object.entries(samples)) {
      const type = elementTypes[name as keyof typeof elementTypes];
      const buffer = await context.deviceBufferOf(queue, type, values);
      expectArrayEqual(await context.read(queue, buffer), values, `${name} round trip`);
    }
  },

  'a 2D window copies out of and into sub-views with offsets': async (context) => {
    const queue = context.queue();
    const grid = allocBuf(host(), i32, [5, 6]);
    grid.hostArray().set(iota(30).map((index) => Math.floor(index / 6) * 10 + (index % 6)));
    const source = allocBuf(context.device, i32, [5, 6]);
    memcpy(queue, source, grid);
    const window = allocBuf(context.device, i32, [3, 4]);
    memcpy(queue, window, createSubView(source, [3, 4], [1, 2]));
    expectArrayEqual(
      await context.read(queue, window),
      [12, 13, 14, 15, 22, 23, 24, 25, 32, 33, 34, 35],
      'window [1..3]×[2..5]',
    );
    const target = allocBuf(context.device, i32, [4, 5]);
    memset(queue, target, 0);
    memcpy(queue, createSubView(target, [3, 4], [1, 1]), window);
    const expected = new Array(20).fill(0);
    [12, 13, 14, 15, 22, 23, 24, 25, 32, 33, 34, 35].forEach((value, index) => {
      expected[(1 + Math.floor(index / 4)) * 5 + 1 + (index % 4)] = value;
    });
    expectArrayEqual(await context.read(queue, target), expected, 'window written at offset [1, 1]');
  },

  'a 3D sub-view copies with explicit extents': async (context) => {
    const queue = context.queue();
    const cube = allocBuf(host(), u16, [2, 3, 4]);
    cube.hostArray().set(iota(24));
    const source = allocBuf(context.device, u16, [2, 3, 4]);
    memcpy(queue, source, cube);
    const part = allocBuf(context.device, u16, [2, 2, 2]);
    memset(queue, part, 0);
    memcpy(queue, part, createSubView(source, [1, 2, 2], [1, 1, 2]), [1, 2, 2]);
    // Elements [1, 1..2, 2..3] of the cube are 12·1 + 4·y + x.
    expectArrayEqual(
      await context.read(queue, part),
      [18, 19, 22, 23, 0, 0, 0, 0],
      'the copied block and the untouched rest',
    );
  },

  'device-to-device copies': async (context) => {
    const queue = context.queue();
    const first = await context.deviceBufferOf(queue, f64, [0.5, 1.5, 2.5]);
    const second = allocBuf(context.device, f64, 3);
    memcpy(queue, second, first);
    expectArrayEqual(await context.read(queue, second), [0.5, 1.5, 2.5], 'copied on the device');
  },

  "memset sets bytes and fill sets elements by the kernel scalars' rule": async (context) => {
    const queue = context.queue();
    const bytes = allocBuf(context.device, u32, 4);
    memset(queue, bytes, 0xab);
    expectArrayEqual(await context.read(queue, bytes), new Array(4).fill(0xabababab), 'memset 0xab on u32');
    const small = allocBuf(context.device, u8, 3);
    fill(queue, small, 200);
    await expectThrows(
      () => fill(queue, small, 300),
      InvalidArgumentError,
      /is u8, and 300 is not a value/,
      'fill 300',
    );
    await expectThrows(() => fill(queue, small, 1.5), InvalidArgumentError, /1\.5 is not a value/, 'fill 1.5');
    expectArrayEqual(
      await context.read(queue, small),
      [200, 200, 200],
      'fill 200 into u8, refused fills change nothing',
    );
    fill(queue, small, u8.convert(300));
    expectArrayEqual(await context.read(queue, small), [44, 44, 44], 'an explicit conversion wraps as C does');
    const floats = allocBuf(context.device, f32, [2, 2]);
    fill(queue, floats, 0.1);
    expectArrayEqual(
      await context.read(queue, floats),
      new Array(4).fill(Math.fround(0.1)),
      'fill 0.1 into f32 rounds',
    );
  },

  'bad copies are rejected and change nothing': async (context) => {
    const queue = context.queue();
    const destination = await context.deviceBufferOf(queue, f32, [1, 2, 3, 4]);
    const other = await context.deviceBufferOf(queue, f64, [9, 9, 9, 9]);
    const short = await context.deviceBufferOf(queue, f32, [9, 9]);
    await expectThrows(
      () => memcpy(queue, destination, other),
      InvalidArgumentError,
      /f32, the source f64/,
      'mismatched element types',
    );
    await expectThrows(
      () => memcpy(queue, destination, short),
      InvalidArgumentError,
      /reach past the source/,
      'extents beyond the source',
    );
    await expectThrows(
      () => memcpy(queue, destination, short, 3),
      InvalidArgumentError,
      /reach past the source/,
      'explicit extents beyond the source',
    );
    await expectThrows(
      () => memset(queue, destination, 256),
      InvalidArgumentError,
      /0 … 255/,
      'memset value out of range',
    );
    expectArrayEqual(await context.read(queue, destination), [1, 2, 3, 4], 'the destination is unchanged');
  },
});
