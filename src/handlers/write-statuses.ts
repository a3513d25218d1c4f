import { diffShowsLine } from "../report/diff-shows-line.js";
import { neutralize } from "../report/neutralize.js";
import { gitBlobSha, statusCommitMessage } from "../report/status-commit.js";
import type { StatusWrite } from "./decide.js";
import type { DocFile } from "./read-doc-reports.js";
import type { RunContext } from "./run-context.js";
import type { StatusesWritten } from "./snapshot.js";

/**
 * Writes the Statuses a label asks for: one commit per doc on the PR branch, in turn. Where
 * the bot cannot push (a fork's PR, read-only contents, a protected branch), one review
 * suggests the change on every Status line left, for the author to apply: one notification,
 * however many docs.
 */
export async function writeStatuses(
  run: RunContext,
  write: StatusWrite,
): Promise<StatusesWritten> {
  const committed =
    write.branch === undefined
      ? { own: undefined, paths: [], rest: write.docs }
      : await commitStatuses(run, write.branch, write);
  if (committed.rest.length > 0 && write.suggest)
    await suggestStatus(run, write.headSha, committed.rest, write.status);
  return {
    own: committed.own,
    set: { status: write.status, by: write.by, paths: committed.paths },
    pending:
      committed.rest.length > 0
        ? { status: write.status, by: write.by }
        : undefined,
    notes: write.notes,
  };
}

/**
 * One commit per doc setting its Status. Stops at the first doc the bot may not write: that
 * doc and the rest are left to the author. A doc whose Status cannot be set safely is left
 * to the author too.
 */
async function commitStatuses(
  run: RunContext,
  branch: string,
  write: StatusWrite,
): Promise<{
  own: StatusesWritten["own"];
  paths: string[];
  rest: DocFile[];
}> {
  const blobs: Record<string, string> = {};
  const rest: DocFile[] = [];
  let headSha: string | undefined;
  for (const [index, doc] of write.docs.entries()) {
    const result = await commitStatus(run, branch, doc.path, write);
    if (result === "cannot write") {
      rest.push(...write.docs.slice(index));
      break;
    }
    if (result === "not editable") rest.push(doc);
    else if (result !== "unchanged") {
      if (result.blobSha) blobs[doc.path] = result.blobSha;
      headSha = result.commitSha ?? headSha;
    }
  }
  return {
    own: headSha === undefined ? undefined : { headSha, blobs },
    paths: Object.keys(blobs),
    rest,
  };
}

/**
 * One commit setting one doc's Status. A stale sha is read again and retried once; when the
 * fresh read gives the same sha, a branch rule refuses the push and the doc cannot be written.
 */
async function commitStatus(
  run: RunContext,
  branch: string,
  path: string,
  write: StatusWrite,
): Promise<
  | { commitSha: string | undefined; blobSha: string | undefined }
  | "unchanged"
  | "not editable"
  | "cannot write"
> {
  let refused: string | undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const file = await run.client.getFile(path, branch);
    if (file?.text === undefined) return "not editable";
    if (file.sha === refused) return "cannot write";
    const changed = await run.workers.run("setStatus", file.text, write.status);
    const text = changed.ok ? changed.value : undefined;
    if (text === undefined) return "not editable";
    if (text === file.text) return "unchanged";
    const result = await run.client.putFile({
      path,
      branch,
      text,
      sha: file.sha,
      message: statusCommitMessage({
        path,
        status: write.status,
        blob: gitBlobSha(Buffer.from(text, "utf8")),
        labelEvent: write.labelEvent,
      }),
    });
    if (result.kind === "committed") return result;
    if (result.kind === "forbidden") return "cannot write";
    refused = file.sha;
  }
  return "cannot write";
}

/**
 * One review holding a suggestion on each doc's Status line. A line outside the diff cannot
 * hold a suggestion, so only lines the diff shows are suggested on; the checklist names every
 * line either way.
 */
async function suggestStatus(
  run: RunContext,
  headSha: string,
  docs: readonly DocFile[],
  status: string,
): Promise<void> {
  const comments = await Promise.all(
    docs.map(async (doc) => {
      const file = await run.client.getFile(doc.path, headSha);
      if (file?.text === undefined) return [];
      const suggestion = await run.workers.run(
        "suggestStatus",
        file.text,
        status,
      );
      if (
        !suggestion.ok ||
        !suggestion.value ||
        !diffShowsLine(doc.patch, suggestion.value.line)
      )
        return [];
      return [
        {
          path: doc.path,
          line: suggestion.value.line,
          body: `Set the Status to ${neutralize(status)}:\n\`\`\`suggestion\n${suggestion.value.text}\n\`\`\``,
        },
      ];
    }),
  );
  const all = comments.flat();
  if (all.length > 0)
    await run.client.createReview({ commitId: headSha, comments: all });
}
