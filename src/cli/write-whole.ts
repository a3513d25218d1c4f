import { renameSync, rmSync, writeFileSync } from "node:fs";

/**
 * Writes `text` to `file` whole: into a temporary file beside it, then renamed over it, so a
 * reader (a web server, a job committing it) never sees half an index. `mode` is the new
 * file's permissions (0o600: only its owner reads it); the umask's default otherwise.
 */
export function writeWhole(file: string, text: string, mode?: number): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, mode === undefined ? {} : { mode });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
