import { renameSync, rmSync, writeFileSync } from "node:fs";

/**
 * Writes `text` to `file` whole: into a temporary file beside it, then renamed over it, so a
 * reader (a web server, a job committing it) never sees half an index.
 */
export function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
