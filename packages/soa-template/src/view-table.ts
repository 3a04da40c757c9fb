import Table from 'cli-table3';
import type { AnySoaView } from './view';

/** What formatView reads of a view: an SoaView or a custom view. */
export type TabulatedView = Pick<AnySoaView, 'schema' | 'size' | 'scalars' | 'at'>;

export interface ViewTableOptions {
  /** Elements to show (the first ones); the rest are counted below the table. Default 20. */
  readonly maxElements?: number;
}

const formatValue = (value: unknown): string =>
  Array.isArray(value) ? `[${value.map(formatValue).join(', ')}]` : String(value);

/**
 * A view's values as a readable table: its scalars on one line, then one row per element with every column
 * (array columns as [a, b, …], matrix columns as rows of columns), as a physicist checks a collection by eye.
 */
export function formatView(view: TabulatedView, options: ViewTableOptions = {}): string {
  const maxElements = options.maxElements ?? 20;
  const fields = view.schema.fields;
  const columns = fields.filter((field) => field.kind !== 'scalar').map((field) => field.name);
  const scalars = fields
    .filter((field) => field.kind === 'scalar')
    .map((field) => `${field.name} = ${view.scalars[field.name]}`);
  const heading = `${view.schema.name}: ${view.size} elements${scalars.length > 0 ? `; ${scalars.join(', ')}` : ''}`;
  const table = new Table({
    head: ['element', ...columns],
    style: { head: [], border: [] },
  });
  const shown = Math.min(view.size, Math.max(0, maxElements));
  for (let index = 0; index < shown; index++) {
    const values = view.at(index).toJSON();
    table.push([String(index), ...columns.map((name) => formatValue(values[name]))]);
  }
  const more = view.size > shown ? `\n… ${view.size - shown} more elements` : '';
  return `${heading}\n${table.toString()}${more}`;
}
