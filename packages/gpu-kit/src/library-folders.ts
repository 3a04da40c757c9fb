import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The entries of a folder whose names match, as paths; none when the folder cannot be read. */
export function childrenMatching(folder: string, pattern: RegExp): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => pattern.test(name))
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
}

/** Each folder joined with each library name, best first, keeping the files that exist. */
export const existingLibraries = (folders: readonly string[], names: readonly string[]): string[] =>
  folders.flatMap((folder) => names.map((name) => join(folder, name))).filter((path) => existsSync(path));
