import { targetOf, type EventTarget } from "../handlers/read-payload.js";
import type { RunEvent } from "../handlers/run-context.js";

/** The events the step runs on; any other gets a notice and exit 0. */
export const ACTION_EVENTS = [
  "pull_request",
  "pull_request_target",
  "pull_request_review",
] as const;

/** `pull_request` actions after which the PR is checked again, as the App's. */
const CHANGES = [
  "opened",
  "reopened",
  "synchronize",
  "edited",
  "ready_for_review",
  "converted_to_draft",
];
const REVIEWS = ["submitted", "dismissed"];

/** What the step does with its event: run on a PR, or say why not. */
export type ActionEvent =
  | {
      run: true;
      target: EventTarget;
      event: RunEvent;
      /** The PR's head is in a fork. */
      fork: boolean;
      /** The token may not write: a fork's PR on any event but `pull_request_target`. */
      readOnly: boolean;
    }
  | { run: false; notice: string };

/**
 * Reads the event the way Actions gives it: its name (`GITHUB_EVENT_NAME`) and its webhook
 * payload (the file at `GITHUB_EVENT_PATH`). The actions taken are the App's.
 */
export function readEvent(name: string, payload: unknown): ActionEvent {
  if (!(ACTION_EVENTS as readonly string[]).includes(name))
    return {
      run: false,
      notice: `Design Docs Bot runs on ${ACTION_EVENTS.join(", ")}; this is a ${name} event, so there is nothing to check.`,
    };
  const fields = payload as {
    action?: unknown;
    sender?: { login?: unknown; type?: unknown };
    label?: { name?: unknown };
    pull_request?: {
      merged?: unknown;
      head?: { repo?: { full_name?: unknown } | null };
      base?: { repo?: { full_name?: unknown } };
    };
  };
  const action = String(fields.action);
  const target = targetOf(name, payload);
  const pr = fields.pull_request;
  const fork = pr?.head?.repo?.full_name !== pr?.base?.repo?.full_name;
  const readOnly = fork && name !== "pull_request_target";
  const sender = String(fields.sender?.login ?? "");
  const on = (event: RunEvent): ActionEvent =>
    // A bot's event is not run on, as the App's: bots would answer each other for ever.
    event.kind !== "merged" && fields.sender?.type === "Bot"
      ? { run: false, notice: `Sent by a bot (${sender}): nothing to do.` }
      : { run: true, target, event, fork, readOnly };
  if (name === "pull_request_review")
    return REVIEWS.includes(action)
      ? on({ kind: "change" })
      : { run: false, notice: `A review was ${action}: nothing to do.` };
  if (CHANGES.includes(action)) return on({ kind: "change" });
  if (action === "labeled" || action === "unlabeled")
    // A read-only token cannot set a Status by label: the PR is reported as it stands.
    return on(
      readOnly
        ? { kind: "change" }
        : {
            kind: "label",
            action,
            label: String(fields.label?.name ?? ""),
            sender,
          },
    );
  if (action === "closed") {
    if (pr?.merged !== true)
      return { run: false, notice: "Closed without merging: nothing to do." };
    return readOnly
      ? {
          run: false,
          notice:
            "Merged from a fork: the line saying with which Status each doc was merged needs a token that may write (pull_request_target).",
        }
      : on({ kind: "merged" });
  }
  return {
    run: false,
    notice: `The pull request was ${action}: nothing to check.`,
  };
}
