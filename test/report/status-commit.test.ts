import { expect, test } from "@jest/globals";
import { escapeLine } from "../../src/report/escape-line.js";
import {
  gitBlobSha,
  readStatusCommit,
  statusCommitMessage,
} from "../../src/report/status-commit.js";

const BLOB = "a".repeat(40);

test("a status commit's message reads back as what it wrote, whatever the path holds", () => {
  for (const path of [
    "docs/design/a.md",
    "docs/design/x\n\nCo-authored-by: M <m@example.com>.md",
    'docs/design/"quoted"\\back\u2028line\u0085.md',
  ]) {
    const message = statusCommitMessage({
      path,
      status: "In Review",
      blob: BLOB,
      labelEvent: 42,
    });
    expect(message.split("\n")).toHaveLength(6);
    expect(readStatusCommit(message)).toEqual({
      path,
      status: "In Review",
      blob: BLOB,
      labelEvent: 42,
    });
  }
});

test("the subject names the doc on one line", () => {
  expect(
    statusCommitMessage({
      path: "docs/design/a.md",
      status: "Approved",
      blob: BLOB,
      labelEvent: undefined,
    }).split("\n")[0],
  ).toBe("docs(design): set status of docs/design/a.md to Approved");
});

test("a message without every trailer, or with a malformed one, is not a status commit", () => {
  expect(readStatusCommit("docs(design): set status of a.md to Approved")).toBe(
    undefined,
  );
  expect(
    readStatusCommit(
      'x\n\nDesign-Docs-Path: "a.md"\nDesign-Docs-Status: "Approved"\nDesign-Docs-Blob: nope',
    ),
  ).toBe(undefined);
  expect(
    readStatusCommit(
      `x\n\nDesign-Docs-Path: a.md\nDesign-Docs-Status: "Approved"\nDesign-Docs-Blob: ${BLOB}`,
    ),
  ).toBe(undefined);
});

test("escapeLine writes control characters and line separators as escapes, and doubles backslashes", () => {
  expect(escapeLine("a\nb\r\tc\u0000d\u007fe\u2028f\\n")).toBe(
    "a\\nb\\r\\tc\\u0000d\\u007fe\\u2028f\\\\n",
  );
});

test("gitBlobSha is git's blob hash", () => {
  // `printf 'hello\n' | git hash-object --stdin`
  expect(gitBlobSha(Buffer.from("hello\n"))).toBe(
    "ce013625030ba8dba906f756967f9e9ca394464a",
  );
});
