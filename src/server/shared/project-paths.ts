import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, found from this file's own place, so moving a caller never breaks a path. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A file or folder under `src/` (templates, stylesheets and assets that are read at run time). */
export function sourcePath(...parts: string[]): string {
  return path.join(projectRoot, 'src', ...parts);
}
