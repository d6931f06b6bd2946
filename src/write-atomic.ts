/** Writing a whole file or nothing: a temporary file next to the target, then a rename. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/** `shown`: the file as messages name it (relative to the working directory). */
export function writeFileAtomic(file: string, text: string | Uint8Array, shown: string = file): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`Cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
