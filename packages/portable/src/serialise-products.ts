import { host } from '@alpaka-ts/interface';
import { computeDataSize } from '@alpaka-ts/soa-template';
import { PortableHostMultiCollection } from './multi-collection';
import { PortableHostObject } from './objects';
import { elementTypeNamed, layoutHeader, type SerialisedHeader, schemaFromHeader } from './serialisation';
import { checkDataLength, envelopeFailure, readEnvelope, writeEnvelope } from './serialisation-envelope';
import { defineStruct } from './struct-schema';

export const multiCollectionMagic = 'ALPKMSO2';
export const objectMagic = 'ALPKOBJ2';

/** A multi-layout collection's header: the buffer's size and, per layout, where it starts and its own header. */
export interface SerialisedMultiHeader {
  readonly format: 'alpaka-ts.soa-multi';
  readonly version: 2;
  readonly byteSize: number;
  readonly parts: ReadonlyArray<Omit<SerialisedHeader, 'format' | 'version'> & { readonly offset: number }>;
}

/** An object's header: the struct's name and size, and each field's type and offset (a C struct's layout). */
export interface SerialisedObjectHeader {
  readonly format: 'alpaka-ts.struct';
  readonly version: 2;
  readonly name: string;
  readonly byteSize: number;
  readonly fields: ReadonlyArray<{ readonly name: string; readonly type: string; readonly offset: number }>;
}

/** Serialises a host multi-layout collection: "ALPKMSO2", the frame, every layout's offset and fields, the buffer. */
export function serialiseMultiCollection(collection: PortableHostMultiCollection): Uint8Array {
  const parts = collection.schemas.map((schema, index) => ({
    offset: collection.offsetOf(index),
    ...layoutHeader(schema, collection.sizes[index] ?? 0),
  }));
  const header: SerialisedMultiHeader = {
    format: 'alpaka-ts.soa-multi',
    version: 2,
    byteSize: collection.buffer.length,
    parts,
  };
  return writeEnvelope(multiCollectionMagic, header, collection.buffer.hostArray());
}

/** Reads a serialised multi-layout collection into a new host one; every offset is checked against the rules. */
export function deserialiseMultiCollection(bytes: Uint8Array): PortableHostMultiCollection {
  const what = 'multi-layout collection';
  const { header, data } = readEnvelope(bytes, multiCollectionMagic, what);
  const parsed = header as SerialisedMultiHeader;
  if (parsed?.format !== 'alpaka-ts.soa-multi' || parsed.version !== 2 || !Array.isArray(parsed.parts))
    envelopeFailure(what, `format ${parsed?.format} version ${parsed?.version} is not alpaka-ts.soa-multi 2`);
  const schemas = parsed.parts.map((part) => schemaFromHeader(part, what));
  const collection = new PortableHostMultiCollection(
    schemas,
    parsed.parts.map((part) => part.size),
    host(),
  );
  const agrees =
    collection.buffer.length === parsed.byteSize &&
    schemas.every((schema, index) => {
      const part = parsed.parts[index];
      return part?.offset === collection.offsetOf(index) && computeDataSize(schema, part.size) === part.byteSize;
    });
  if (!agrees) envelopeFailure(what, 'the offsets in the header disagree with the layout rules');
  checkDataLength(what, data, parsed.byteSize, 'collection');
  collection.buffer.hostArray().set(data.subarray(0, parsed.byteSize));
  return collection;
}

/** Serialises a host object: "ALPKOBJ2", the frame, the struct's fields and offsets, then its bytes. */
export function serialiseObject(object: PortableHostObject): Uint8Array {
  const header: SerialisedObjectHeader = {
    format: 'alpaka-ts.struct',
    version: 2,
    name: object.schema.name,
    byteSize: object.schema.byteSize,
    fields: object.schema.fields.map((field) => ({
      name: field.name,
      type: field.elementType.name,
      offset: field.offset,
    })),
  };
  return writeEnvelope(objectMagic, header, object.buffer.hostArray().subarray(0, object.schema.byteSize));
}

/** Reads a serialised object into a new host object; the struct is rebuilt and its layout checked. */
export function deserialiseObject(bytes: Uint8Array): PortableHostObject {
  const what = 'object';
  const { header, data } = readEnvelope(bytes, objectMagic, what);
  const parsed = header as SerialisedObjectHeader;
  if (parsed?.format !== 'alpaka-ts.struct' || parsed.version !== 2 || !Array.isArray(parsed.fields))
    envelopeFailure(what, `format ${parsed?.format} version ${parsed?.version} is not alpaka-ts.struct 2`);
  const types = Object.fromEntries(
    parsed.fields.map((field) => [field.name, elementTypeNamed(what, field.type)] as const),
  );
  const schema = defineStruct(parsed.name, types);
  const agrees =
    schema.byteSize === parsed.byteSize &&
    schema.fields.every((field, index) => field.offset === parsed.fields[index]?.offset);
  if (!agrees) envelopeFailure(what, 'the offsets in the header disagree with a C struct of those fields');
  checkDataLength(what, data, schema.byteSize, 'struct');
  const object = new PortableHostObject(schema, host());
  object.buffer.hostArray().set(data.subarray(0, schema.byteSize));
  return object;
}
