import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';

/** Each file's schema, columns and batch sizes (the event index may be cut into batches differently). */
export const contentOf = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => {
        const table = tableFromIPC(readFileSync(join(folder, name)));
        const columns = table.schema.fields.map((field) => [
          field.name,
          String(field.type),
          JSON.stringify(table.getChild(field.name)?.toJSON(), (_key, value) =>
            typeof value === 'bigint' ? `${value}n` : value,
          ),
        ]);
        const batches = name === 'events.arrow' ? [] : table.batches.map((batch) => batch.numRows);
        return [name, { metadata: [...table.schema.metadata].sort(), columns, batches }];
      }),
  );
