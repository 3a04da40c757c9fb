import type { Layout } from '@alpaka-ts/interface';

/** A printable summary of offsets, sizes and padding, in the spirit of CMSSW's soaToStreamInternal. */
export function describeLayout(layout: Layout): string {
  const lines = [
    `${layout.schema.name}(${layout.size} elements, alignment ${layout.schema.alignment}): ${layout.byteSize} bytes`,
  ];
  for (const { field, offset, byteSize, padding } of layout.fields) {
    const shape =
      field.kind === 'matrixColumn'
        ? ` (${field.rows} x ${field.columns})`
        : field.kind === 'arrayColumn'
          ? `[${field.length}]`
          : '';
    lines.push(
      `  ${field.kind} ${field.name}: ${field.elementType.name}${shape} at offset ${offset}, size ${byteSize}, padding ${padding}`,
    );
  }
  return lines.join('\n');
}
