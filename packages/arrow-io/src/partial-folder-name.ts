import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * The name a folder is written under before it is renamed into place: unique per host, process and call, since
 * two pods of one Kubernetes index (a replacement starting while the old one ends) can share a PID after `exec`.
 */
export function partialFolderName(folder: string): string {
  return `${folder}.partial-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
