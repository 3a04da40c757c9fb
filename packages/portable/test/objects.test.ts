import { copyToDevice, copyToHost, f32, f64, host, InvalidArgumentError, i8, i32, u16 } from '@alpaka-ts/interface';
import { describe, expect, it } from 'vitest';
import { deepCopy, defineStruct, objectFor, PortableDeviceObject, PortableHostObject, sameStruct } from '../src/index';
import { acceleratorLikeDevice } from './accelerator-like-device';

const accelerator = acceleratorLikeDevice;

describe('portable objects', () => {
  it('lay a struct out as C does: natural alignment, size rounded to the largest alignment', () => {
    // struct { int8_t a; double b; uint16_t c; float d; }: a@0, b@8, c@16, d@20, sizeof 24.
    const mixed = defineStruct('Mixed', { a: i8, b: f64, c: u16, d: f32 });
    expect(mixed.fields.map((field) => field.offset)).toEqual([0, 8, 16, 20]);
    expect(mixed.byteSize).toBe(24);
    expect(defineStruct('Small', { x: i8, y: u16 }).byteSize).toBe(4);
    expect(() => defineStruct('Empty', {})).toThrow("struct 'Empty' has no fields.");
  });

  it('read and write the struct in place, and copy to a device and back', async () => {
    const parameters = defineStruct('Parameters', { threshold: f64, count: i32, scale: f32 });
    const original = new PortableHostObject(parameters, host());
    original.value.threshold = 0.125;
    original.value.count = -42;
    original.value.scale = 1.5;
    const bytes = original.buffer.hostArray();
    expect(new Float64Array(bytes.buffer, bytes.byteOffset, 1)[0]).toBe(0.125);
    const queue = accelerator.createQueue({ blocking: false });
    const onDevice = copyToDevice<PortableDeviceObject>(queue, original);
    expect(onDevice).toBeInstanceOf(PortableDeviceObject);
    const back = await copyToHost<PortableHostObject>(queue, onDevice);
    await queue.wait();
    expect({ ...back.value }).toEqual({ threshold: 0.125, count: -42, scale: 1.5 });
    expect(objectFor(queue, parameters)).toBeInstanceOf(PortableDeviceObject);
    expect(objectFor(host().createQueue(), parameters)).toBeInstanceOf(PortableHostObject);
    expect(() => new PortableDeviceObject(parameters, host().createQueue())).toThrow(InvalidArgumentError);
  });
});

describe('structs compared by structure', () => {
  it('deepCopy takes objects of a struct defined twice with the same fields, and refuses a different one', () => {
    const first = defineStruct('Beam', { x: f64, id: u16 });
    const again = defineStruct('Beam', { x: f64, id: u16 });
    const different = defineStruct('Beam', { x: f64, id: i32 });
    expect([sameStruct(first, again), sameStruct(first, different)]).toEqual([true, false]);
    const source = new PortableHostObject(first, host());
    Object.assign(source.value, { x: 0.5, id: 7 });
    const destination = new PortableHostObject(again, host());
    deepCopy(destination, source);
    expect(destination.value.x).toBe(0.5);
    expect(destination.value.id).toBe(7);
    expect(() => deepCopy(new PortableHostObject(different, host()), source)).toThrow(/the structs differ/);
  });
});
