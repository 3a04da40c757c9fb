import {
  defineLayout,
  type FieldSchema,
  InvalidArgumentError,
  type LayoutLike,
  type LayoutSchema,
  layoutSchemaOf,
  type SchemaOf,
  sameLayout,
} from '@alpaka-ts/interface';
import type { FieldSource } from './field-accessors';
import { FieldsView } from './fields-view';
import type { RangeChecking } from './range-checking';
import type { AnySoaView } from './view';

// CMSSW's GENERATE_SOA_VIEW and GENERATE_SOA_CONST_VIEW: a view of columns and scalars chosen from several
// layouts (SOA_VIEW_LAYOUT_LIST names each layout, SOA_VIEW_VALUE_LIST picks its fields, SOA_VIEW_VALUE_RENAME
// renames one), over those layouts' views, which may be in different buffers. It reads and writes through to
// them, with the same columns, scalars, rows and checks as a view of one layout.

type FieldNames<L extends LayoutLike> = SchemaOf<L>['fields'][number]['name'];

/** One value of a custom view: [layout, field] (SOA_VIEW_VALUE) or [layout, field, name] (SOA_VIEW_VALUE_RENAME). */
export type CustomViewValue<Layouts extends Readonly<Record<string, LayoutLike>>> = {
  [Layout in keyof Layouts & string]:
    | readonly [layout: Layout, field: FieldNames<Layouts[Layout]>]
    | readonly [layout: Layout, field: FieldNames<Layouts[Layout]>, name: string];
}[keyof Layouts & string];

type Renamed<Field, Name extends string> = Field extends FieldSchema
  ? Omit<Field, 'name'> & { readonly name: Name }
  : never;
type FieldOfValue<Layouts extends Readonly<Record<string, LayoutLike>>, Value> = Value extends readonly [
  infer Layout extends keyof Layouts,
  infer Field extends string,
  ...infer Rest,
]
  ? Renamed<
      Extract<SchemaOf<Layouts[Layout]>['fields'][number], { readonly name: Field }>,
      Rest extends readonly [infer Name extends string] ? Name : Field
    >
  : never;

/** The schema of a custom view's fields (typed when its layouts are). */
export type CustomViewSchema<
  Layouts extends Readonly<Record<string, LayoutLike>>,
  Values extends readonly CustomViewValue<Layouts>[],
> = LayoutSchema<readonly FieldOfValue<Layouts, Values[number]>[]>;

export interface CustomViewOptions<ReadOnly extends boolean = boolean> {
  /** A const custom view (GENERATE_SOA_CONST_VIEW): it may take const views, and refuses writes. */
  readonly readOnly?: ReadOnly;
  readonly rangeChecking?: boolean | RangeChecking;
}

/** A custom view's definition: its name, layouts and values. `view(sources)` makes one over views of the layouts. */
export interface CustomViewDefinition<
  Schema extends LayoutSchema,
  Layouts extends Readonly<Record<string, LayoutLike>>,
> {
  readonly name: string;
  /** The view's fields as a layout schema (for types and rows: its bytes are the sources', not laid out). */
  readonly schema: Schema;
  readonly layouts: Readonly<Record<keyof Layouts & string, LayoutSchema>>;
  readonly values: readonly { readonly layout: string; readonly field: string; readonly name: string }[];
  view<ReadOnly extends boolean = false>(
    sources: { readonly [Layout in keyof Layouts]: AnySoaView },
    options?: CustomViewOptions<ReadOnly>,
  ): SoaCustomView<Schema, ReadOnly>;
}

/** Defines a custom view (GENERATE_SOA_VIEW): layouts by instance name, then the fields it takes from each. */
export function defineCustomView<
  const Layouts extends Readonly<Record<string, LayoutLike>>,
  const Values extends readonly CustomViewValue<Layouts>[],
>(name: string, layouts: Layouts, values: Values): CustomViewDefinition<CustomViewSchema<Layouts, Values>, Layouts> {
  const schemas = Object.fromEntries(
    Object.entries(layouts).map(([instance, layout]) => [instance, layoutSchemaOf(layout as LayoutLike)]),
  ) as Record<string, LayoutSchema>;
  if (Object.keys(schemas).length === 0)
    throw new InvalidArgumentError(`custom view '${name}' needs at least one layout (SOA_VIEW_LAYOUT_LIST).`);
  const picked = (values as readonly (readonly string[])[]).map(([instance, field, rename]) => {
    const schema = schemas[instance as string];
    if (!schema)
      throw new InvalidArgumentError(
        `custom view '${name}': '${instance}' is not one of its layouts (${Object.keys(schemas).join(', ')}).`,
      );
    const found = schema.fields.find((candidate) => candidate.name === field);
    if (!found)
      throw new InvalidArgumentError(
        `custom view '${name}': layout '${instance}' (${schema.name}) has no field '${field}'; its fields are ${schema.fields.map((candidate) => candidate.name).join(', ')}.`,
      );
    return {
      layout: instance as string,
      field: field as string,
      name: rename ?? (field as string),
      schemaField: found,
    };
  });
  const alignment = Math.max(...Object.values(schemas).map((schema) => schema.alignment));
  // defineLayout checks the view's names as any layout's: identifiers, each once, none a view member.
  const schema = defineLayout(
    name,
    picked.map(({ name: fieldName, schemaField }) => ({ ...schemaField, name: fieldName })),
    { alignment },
  ) as unknown as CustomViewSchema<Layouts, Values>;
  const definition: CustomViewDefinition<CustomViewSchema<Layouts, Values>, Layouts> = {
    name,
    schema,
    layouts: Object.freeze(schemas),
    values: Object.freeze(
      picked.map(({ layout, field, name: fieldName }) => Object.freeze({ layout, field, name: fieldName })),
    ),
    view: (sources, options = {}) => new SoaCustomView(definition, sources, options),
  };
  return Object.freeze(definition);
}

/** A view over several layouts' views (CMSSW's custom View / ConstView): columns, scalars, rows, as SoaView has. */
export class SoaCustomView<
  Schema extends LayoutSchema = LayoutSchema,
  ReadOnly extends boolean = false,
> extends FieldsView<Schema, ReadOnly> {
  constructor(
    readonly definition: CustomViewDefinition<Schema, Readonly<Record<string, LayoutLike>>>,
    readonly sources: Readonly<Record<string, AnySoaView>>,
    options: CustomViewOptions<ReadOnly> = {},
  ) {
    super(
      definition.schema,
      customViewSize(definition, sources, options.readOnly === true),
      options,
      fieldSources(definition, sources),
    );
  }

  /** Where each field comes from, as CMSSW's view lists its values. */
  override toString(): string {
    const lines = this.definition.values.map(
      ({ layout, field, name }) =>
        ` ${name === field ? field : `${name} (${field})`} from ${layout} (${this.definition.layouts[layout]?.name})`,
    );
    return [`${this.schema.name}(${this.size} elements):`, ...lines, ''].join('\n');
  }
}

type AnyDefinition = CustomViewDefinition<LayoutSchema, Readonly<Record<string, LayoutLike>>>;

/** The one size of a custom view's sources, after checking that they are views of its layouts it may use. */
function customViewSize(
  definition: AnyDefinition,
  sources: Readonly<Record<string, AnySoaView>>,
  readOnly: boolean,
): number {
  const name = definition.name;
  const sizes: string[] = [];
  for (const [instance, layout] of Object.entries(definition.layouts)) {
    const source = sources[instance];
    if (!source)
      throw new InvalidArgumentError(`custom view '${name}' needs a view of layout '${instance}' (${layout.name}).`);
    if (!sameLayout(source.schema, layout))
      throw new InvalidArgumentError(
        `custom view '${name}': the view given for '${instance}' is of '${source.schema.name}', not of '${layout.name}'.`,
      );
    if (source.readOnly && !readOnly)
      throw new InvalidArgumentError(
        `custom view '${name}' writes, and the view given for '${instance}' is const; make the custom view readOnly: true (GENERATE_SOA_CONST_VIEW).`,
      );
    sizes.push(`${instance} ${source.size}`);
  }
  const unknown = Object.keys(sources).filter((instance) => !(instance in definition.layouts));
  if (unknown.length > 0)
    throw new InvalidArgumentError(`custom view '${name}' has no layout '${unknown.join("', '")}'.`);
  const all = Object.values(sources).map((source) => source.size);
  if (new Set(all).size > 1)
    throw new InvalidArgumentError(
      `custom view '${name}': its layouts' views have different sizes (${sizes.join(', ')}); one view has one size.`,
    );
  return all[0] as number;
}

/** Each field of a custom view in its layout's memory, under the custom view's name for it. */
function fieldSources(definition: AnyDefinition, sources: Readonly<Record<string, AnySoaView>>): FieldSource[] {
  return definition.values.map((value) => {
    const source = sources[value.layout] as AnySoaView;
    const placed = source.layout.field(value.field);
    return {
      placed: { ...placed, field: { ...placed.field, name: value.name } },
      arrayBuffer: source.arrayBuffer,
      byteOffset: source.byteOffset,
    };
  });
}
