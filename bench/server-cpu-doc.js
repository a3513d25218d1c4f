// The 20 KB design doc of bench/server-cpu.js.
import { readFileSync } from "node:fs";

/** The filled example doc grown to 20 KB in its Detailed Design, as a long real doc is. */
export function twentyKilobyteDoc() {
  const doc = readFileSync(
    new URL("../test/fixtures/docs/filled-design-doc.md", import.meta.url),
    "utf8",
  );
  const paragraph = [
    "The job reads events in pages of 5,000 ordered by `(created_at, id)`, so a page boundary",
    "never splits a transaction, and writes each page as one gzip member of the day's file.",
    "",
    "- The cursor is written **after** the page's upload is acknowledged by the bucket.",
    "- A restart reads the cursor and skips the pages already written, see [runbook](https://example.com/runbook).",
    "",
    "| step | owner | timeout |",
    "| --- | --- | --- |",
    "| read page | export job | 30 s |",
    "| upload | archive client | 60 s |",
    "",
  ].join("\n");
  const [head, tail] = doc.split("### Detailed Design\n");
  let body = "";
  while (Buffer.byteLength(head + body + tail) < 20 * 1024)
    body += `${paragraph}\n`;
  return `${head}### Detailed Design\n${body}${tail}`;
}
