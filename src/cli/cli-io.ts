/** What the command line reads and writes, passed in so tests can run it in-process. */
export interface CliIO {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  isTTY: boolean;
  /** Today's date, `YYYY-MM-DD`. */
  today: string;
}
