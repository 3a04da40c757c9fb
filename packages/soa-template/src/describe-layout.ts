import { computeDataSize, type Layout } from '@alpaka-ts/interface';

/**
 * A layout's fields, offsets, sizes and padding, line for line as CMSSW's `std::cout << layout` prints them
 * (soaToStreamInternal). The `@` is where the layout starts in its buffer (a byte offset; CMSSW prints the
 * pointer), and the `sizeof(…)` line is left out: a JavaScript view has no C++ struct size.
 */
export function describeLayout(layout: Layout, byteOffset = 0): string {
  const { schema, size } = layout;
  const lines = [`${schema.name}(${size} elements, byte alignement= ${schema.alignment}, @${byteOffset}): `];
  for (const { field, offset, padding } of layout.fields) {
    const bytes = field.elementType.byteSize;
    if (field.kind === 'scalar')
      lines.push(` Scalar ${field.name} at offset ${offset} has size ${bytes} and padding ${padding}`);
    else if (field.kind === 'column')
      lines.push(` Column ${field.name} at offset ${offset} has size ${bytes * size} and padding ${padding}`);
    else if (field.kind === 'arrayColumn')
      lines.push(
        ` Column ${field.name} at offset ${offset} has size ${bytes * field.length * size} and padding ${padding}`,
      );
    else {
      // The padding of one coefficient's column (each is aligned on its own), as CMSSW prints it.
      const perColumn = bytes * size;
      const columnPadding = padding / (field.rows * field.columns);
      lines.push(
        ` Eigen value ${field.name} at offset ${offset} has dimension (${field.rows} x ${field.columns}) and per column size ${perColumn} and padding ${columnPadding}`,
      );
    }
  }
  // CMSSW ends with two std::endl: the last line, then an empty one.
  lines.push(`Final offset = ${layout.byteSize} computeDataSize(...): ${computeDataSize(schema, size)}`, '', '');
  return lines.join('\n');
}
