import { InvalidArgumentError, type LayoutSchema, sameLayout, type WithElementMethods } from '@alpaka-ts/interface';
import type { Row } from './view-types';

// CMSSW's SOA_ELEMENT_METHODS and SOA_CONST_ELEMENT_METHODS: functions a layout declares for its elements,
// which every row proxy of a view of that layout has (`view.at(i).norm()`), with `this` the row. The methods of
// a decorated class are its element methods; a defineLayout schema takes them from withElementMethods.
// A method that writes a column works on a view's rows and throws on a const view's (JavaScript has no const
// methods; the write is refused where it happens, as every write through a const view is).

export type ElementMethod = (...args: never[]) => unknown;
export type ElementMethods = Readonly<Record<string, ElementMethod>>;

// By schema object first; then, for a schema that has no registration of its own (a layout read back from a
// file: a new object, the same name and fields), by name and structure, the latest registration.
const methodsBySchema = new WeakMap<LayoutSchema, ElementMethods>();
const methodsByName = new Map<string, Array<{ schema: LayoutSchema; methods: ElementMethods }>>();

// Told of every registration, so row classes compiled before it get the new methods.
const registrationListeners: Array<() => void> = [];
/** Calls `listener` after each registration of element methods. */
export function onElementMethodsRegistered(listener: () => void): void {
  registrationListeners.push(listener);
}

// Names a row already has: its own accessors, and what every object answers to.
const rowMembers = new Set(['assign', 'toJSON', 'constructor', 'toString', 'valueOf']);

/** Records `methods` as the element methods of `schema`'s rows; a clear error for a name a row already has. */
export function registerElementMethods(schema: LayoutSchema, methods: ElementMethods): void {
  for (const [name, method] of Object.entries(methods)) {
    if (typeof method !== 'function')
      throw new InvalidArgumentError(`layout '${schema.name}': element method '${name}' is not a function.`);
    if (rowMembers.has(name) || schema.fields.some((field) => field.name === name))
      throw new InvalidArgumentError(
        `layout '${schema.name}': an element method cannot be named '${name}', which a row of the layout already has. Rename it.`,
      );
  }
  const frozen = Object.freeze({ ...methods });
  methodsBySchema.set(schema, frozen);
  const entries = (methodsByName.get(schema.name) ?? []).filter((entry) => entry.schema !== schema);
  entries.push({ schema, methods: frozen });
  methodsByName.set(schema.name, entries);
  for (const listener of registrationListeners) listener();
}

/** The element methods of a layout (those of a layout of the same name and structure), or none. */
export function elementMethodsOf(schema: LayoutSchema): ElementMethods {
  const own = methodsBySchema.get(schema);
  if (own) return own;
  const entries = methodsByName.get(schema.name) ?? [];
  return entries.findLast((entry) => sameLayout(entry.schema, schema))?.methods ?? {};
}

/** Gives a defineLayout schema element methods (a decorated class's methods are its own); returns the schema. */
export function withElementMethods<Schema extends LayoutSchema, const Methods extends ElementMethods>(
  schema: Schema,
  methods: Methods & ThisType<Row<Schema>>,
): WithElementMethods<Schema, Methods> {
  registerElementMethods(schema, methods);
  return schema;
}

/** The methods a layout class declares on its prototype (not its constructor, not accessors). */
export function declaredMethods(layoutClass: abstract new (...args: never[]) => unknown): ElementMethods {
  const methods: Record<string, ElementMethod> = {};
  for (const name of Object.getOwnPropertyNames(layoutClass.prototype)) {
    if (name === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(layoutClass.prototype, name);
    if (typeof descriptor?.value === 'function') methods[name] = descriptor.value as ElementMethod;
  }
  return methods;
}
