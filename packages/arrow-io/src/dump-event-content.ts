import Table from 'cli-table3';
import type { OutputFolder } from './output-folder';

/**
 * CMSSW's edmDumpEventContent for an Arrow output folder: one row per branch with its type, module label,
 * instance and process (quoted, as CMSSW prints them), the kind, the events it was put in, its elements and its
 * size on disk; a first line with the folder's event count.
 */
export function dumpEventContent(folder: OutputFolder): string {
  const table = new Table({
    head: ['Type', 'Module', 'Label', 'Process', 'Kind', 'Events', 'Elements', 'Bytes'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const { description, events, elements, files } of folder.branches) {
    const bytes = files.reduce((total, file) => total + file.bytes, 0);
    table.push([
      description.typeName,
      `"${description.label}"`,
      `"${description.instance}"`,
      `"${description.process}"`,
      description.kind,
      String(events),
      description.kind === 'collection' || description.kind === 'multiCollection' ? String(elements) : '',
      String(bytes),
    ]);
  }
  return `${folder.path}: ${folder.events} events, ${folder.branches.length} branches\n${table.toString()}\n`;
}
