import { f32, f64, InvalidArgumentError, i32, u16, u32 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { allocateView, defineCustomView, defineLayout, formatView, SoaRangeError, SoaView } from '../src/index';

// CMSSW's SiPixelDigis example: the columns shipped to the host in one layout, the device-only ones in another,
// and a view joining them.
const HostDevice = defineLayout('SiPixelDigisHostDevice', [
  { kind: 'column', name: 'clus', elementType: i32 },
  { kind: 'column', name: 'pdigi', elementType: u32 },
  { kind: 'column', name: 'adc', elementType: u16 },
  { kind: 'scalar', name: 'nDigis', elementType: u32 },
]);
const DeviceOnly = defineLayout('SiPixelDigisDeviceOnly', [
  { kind: 'column', name: 'xx', elementType: u16 },
  { kind: 'column', name: 'yy', elementType: u16 },
  { kind: 'matrixColumn', name: 'cov', elementType: f32, rows: 2, columns: 2 },
  { kind: 'arrayColumn', name: 'moduleInd', elementType: u16, length: 2 },
]);
const Digis = defineCustomView('SiPixelDigisView', { hostDevice: HostDevice, deviceOnly: DeviceOnly }, [
  ['hostDevice', 'clus'],
  ['hostDevice', 'adc', 'charge'],
  ['hostDevice', 'nDigis'],
  ['deviceOnly', 'xx'],
  ['deviceOnly', 'cov'],
  ['deviceOnly', 'moduleInd'],
]);

// The two layouts in one buffer, the second at an offset, as a multi-collection holds them.
function sources(size: number) {
  const hostDevice = allocateView(HostDevice, size);
  const deviceOnly = new SoaView(DeviceOnly, size, new ArrayBuffer(8192), 1024);
  return { hostDevice, deviceOnly };
}

describe('custom views (GENERATE_SOA_VIEW)', () => {
  it('read and write the chosen columns, scalars, matrices and arrays of several layouts, through to them', () => {
    const { hostDevice, deviceOnly } = sources(4);
    const view = Digis.view({ hostDevice, deviceOnly });
    expect(view.size).toBe(4);
    view.columns.clus[2] = -7;
    view.columns.charge[2] = 300;
    view.scalars.nDigis = 4;
    view.at(3).xx = 12;
    view.matrix('cov').set(1, 1, 0, 2.5);
    view.element('moduleInd', 0).set([5, 6]);
    expect([hostDevice.columns.clus[2], hostDevice.columns.adc[2], hostDevice.scalars.nDigis]).toEqual([-7, 300, 4]);
    expect([
      deviceOnly.columns.xx[3],
      deviceOnly.matrix('cov').get(1, 1, 0),
      ...deviceOnly.element('moduleInd', 0),
    ]).toEqual([12, 2.5, 5, 6]);
    // The custom view's typed arrays are the layouts' own memory.
    expect(view.columns.xx.buffer).toBe(deviceOnly.arrayBuffer);
    expect(view.columns.xx.byteOffset).toBe(deviceOnly.metadata().addressOf('xx'));
  });

  it('has rows of its own columns (renamed ones by their new names), and assign writes every layout or none', () => {
    const { hostDevice, deviceOnly } = sources(2);
    const view = Digis.view({ hostDevice, deviceOnly });
    view.at(1).assign({
      clus: 3,
      charge: 9,
      xx: 1,
      cov: [
        [1, 2],
        [3, 4],
      ],
      moduleInd: [7, 8],
    });
    expect(view.at(1).toJSON()).toEqual({
      clus: 3,
      charge: 9,
      xx: 1,
      cov: [
        [1, 2],
        [3, 4],
      ],
      moduleInd: [7, 8],
    });
    expect(deviceOnly.matrix('cov').get(1, 0, 1)).toBe(2);
    const before = [new Uint8Array(hostDevice.arrayBuffer).slice(), new Uint8Array(deviceOnly.arrayBuffer).slice()];
    expect(() => view.at(0).assign({ clus: 1, charge: 70000, xx: 1, cov: [1, 2, 3, 4], moduleInd: [1, 2] })).toThrow(
      /'charge' .* is a u16: an integer from 0 to 65535, not 70000\./,
    );
    expect(() => view.at(0).assign({ clus: 1, adc: 1, xx: 1, cov: [1, 2, 3, 4], moduleInd: [1, 2] } as never)).toThrow(
      "the row for 'SiPixelDigisView' has 'adc', which is not one of its columns (clus, charge, xx, cov, moduleInd).",
    );
    expect([new Uint8Array(hostDevice.arrayBuffer), new Uint8Array(deviceOnly.arrayBuffer)]).toEqual(before);
    expect(formatView(view).split('\n')[0]).toBe('SiPixelDigisView: 2 elements; nDigis = 0');
    expect(String(view)).toContain(' charge (adc) from hostDevice (SiPixelDigisHostDevice)\n');
  });

  it('const custom views (GENERATE_SOA_CONST_VIEW) take const views and refuse writes; range checking as views do', () => {
    const { hostDevice, deviceOnly } = sources(2);
    const constHostDevice = new SoaView(HostDevice, 2, hostDevice.arrayBuffer, 0, { readOnly: true });
    expect(() => Digis.view({ hostDevice: constHostDevice, deviceOnly })).toThrow(
      "custom view 'SiPixelDigisView' writes, and the view given for 'hostDevice' is const; make the custom view readOnly: true (GENERATE_SOA_CONST_VIEW).",
    );
    const constant = Digis.view(
      { hostDevice: constHostDevice, deviceOnly },
      { readOnly: true, rangeChecking: 'enabled' },
    );
    expect(() => {
      // @ts-expect-error: a const view's type has no setters (the write is refused at run time too)
      constant.scalars.nDigis = 1;
    }).toThrow("'nDigis' cannot be written through a const view of 'SiPixelDigisView'.");
    expect(() => constant.matrix('cov').set(0, 0, 0, 1)).toThrow(/cannot be written through a const view/);
    expect(() => constant.at(2)).toThrow(SoaRangeError);
    expect(() => constant.columns.clus[-1]).toThrow(
      "Out of range index in 'columns.clus' of 'SiPixelDigisView': index -1 out of range 2.",
    );
  });

  it('refuses layouts that are not the declared ones, views of different sizes, and bad definitions', () => {
    const { hostDevice, deviceOnly } = sources(2);
    expect(() => Digis.view({ hostDevice, deviceOnly: allocateView(DeviceOnly, 3) })).toThrow(
      "custom view 'SiPixelDigisView': its layouts' views have different sizes (hostDevice 2, deviceOnly 3); one view has one size.",
    );
    expect(() => Digis.view({ hostDevice, deviceOnly: hostDevice } as never)).toThrow(
      "custom view 'SiPixelDigisView': the view given for 'deviceOnly' is of 'SiPixelDigisHostDevice', not of 'SiPixelDigisDeviceOnly'.",
    );
    expect(() => Digis.view({ hostDevice } as never)).toThrow(
      "custom view 'SiPixelDigisView' needs a view of layout 'deviceOnly' (SiPixelDigisDeviceOnly).",
    );
    expect(() => Digis.view({ hostDevice, deviceOnly, other: hostDevice } as never)).toThrow("has no layout 'other'");
    expect(() => defineCustomView('Bad', { a: HostDevice }, [['a', 'nope' as never]])).toThrow(
      "custom view 'Bad': layout 'a' (SiPixelDigisHostDevice) has no field 'nope'; its fields are clus, pdigi, adc, nDigis.",
    );
    expect(() => defineCustomView('Bad', { a: HostDevice }, [['b' as never, 'clus']])).toThrow(
      "custom view 'Bad': 'b' is not one of its layouts (a).",
    );
    // Two values of one name, as any layout refuses.
    expect(() =>
      defineCustomView('Twice', { a: HostDevice, b: DeviceOnly }, [
        ['a', 'adc', 'x'],
        ['b', 'xx', 'x'],
      ]),
    ).toThrow(InvalidArgumentError);
    expect(() => defineCustomView('None', {}, [])).toThrow('needs at least one layout');
    const Floats = defineLayout('Floats', [{ kind: 'column', name: 'v', elementType: f64 }]);
    const one = defineCustomView('One', { floats: Floats }, [['floats', 'v', 'value']]);
    expect(one.view({ floats: allocateView(Floats, 3) }).columns.value.length).toBe(3);
  });
});
