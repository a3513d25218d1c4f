import {
  CONFIG_PATH,
  type Config,
  type ConfigError,
} from "../config/parse-config.js";
import type { StatusLabel } from "../config/status-labels.js";
import type { DocReport } from "../validate/check-design-doc.js";
import { worstOutcome } from "../validate/worst-outcome.js";
import { choosePullRequestStatus } from "./choose-pull-request-status.js";
import { planStatusLabels, type StatusLabelPlan } from "./plan-labels.js";
import { renderCheckRun, type CheckRunOutput } from "./render-check-run.js";
import { renderChecklist } from "./render-checklist.js";
import {
  annotateProposedConfig,
  renderProposedConfig,
  type ProposedConfig,
} from "./render-proposed-config.js";
import {
  describeStatusLabel,
  describeTruncated,
  renderConfigErrors,
  renderNoDocs,
} from "./render-notices.js";
import { describeSummary, summarize } from "./summarize.js";

/** What the PR should show once this run is done. */
export interface PullRequestPlan {
  /** The checklist comment's text (without its marker); undefined: leave comments alone. */
  comment: string | undefined;
  labels: StatusLabelPlan;
  /** Undefined when the repo turned check runs off. */
  checkRun: CheckRunOutput | undefined;
  /** The PR's status label, if any. */
  status: string | undefined;
}

/** The plan, and the report as the check run says it, written or not: the Action's job summary. */
export type FinishedPlan = PullRequestPlan & {
  report: CheckRunOutput | undefined;
};

/** What the plan is made from: the checked docs, or the config errors that stopped checking. */
export interface PlanInput {
  config: Config;
  errors: readonly ConfigError[];
  reports: readonly DocReport[];
  statusLabels: readonly StatusLabel[];
  currentLabels: readonly string[];
  /** Whether the PR already has a checklist comment (kept current even in `on-failure` mode). */
  hasComment: boolean;
  /** Whether the bot has reported on this PR before (a comment, or one of its status labels). */
  reported: boolean;
  /** Set when GitHub's file list stopped short of the PR's files: how many it listed of all. */
  truncated?: { listed: number; total: number } | undefined;
  /** A status asked for by label that the docs do not say yet: its label stays. */
  requested?: string | undefined;
  /** Markdown lines (already neutralised) for the top of the comment. */
  notes?: readonly string[];
  /** The config the PR proposes, when it changes the config or a template it names. */
  proposed?: ProposedConfig | undefined;
}

const NO_LABEL_CHANGE: StatusLabelPlan = { add: [], remove: [] };

/**
 * Decides the comment, the labels and the check run for a PR. An invalid config is reported
 * in the comment and the check run, and nothing else changes. A PR with no design doc (any
 * more) gets a passing check run once the bot has reported on it, or always with
 * `checkRun: always`, so a branch rule requiring it never waits for good. A file list GitHub
 * cut short never passes: docs beyond it were not checked. In dry-run mode only a neutral
 * check run is written.
 */
export function planPullRequest(input: PlanInput): FinishedPlan {
  const plan =
    input.errors.length > 0
      ? planConfigErrors(input.errors)
      : input.reports.length > 0
        ? planDocs(input)
        : planNoDocs(input);
  return finish(
    input,
    input.proposed
      ? withProposed(plan, input.proposed, input.errors.length > 0)
      : plan,
  );
}

function planConfigErrors(errors: readonly ConfigError[]): PullRequestPlan {
  const text = renderConfigErrors(errors);
  return {
    comment: text,
    labels: NO_LABEL_CHANGE,
    checkRun: {
      conclusion: "failure",
      title: `Invalid ${CONFIG_PATH}`,
      summary: text,
      annotations: [],
    },
    status: undefined,
  };
}

/**
 * The plan with the proposed config's section after the checklist: a broken proposal fails
 * the check run, each error an annotation on its line, and gets a comment in any mode. A
 * valid proposal on a repo whose config is broken (`brokenConfig`) makes the check neutral,
 * not failed: a branch rule requiring it lets the fix merge.
 */
function withProposed(
  plan: PullRequestPlan,
  proposed: ProposedConfig,
  brokenConfig: boolean,
): PullRequestPlan {
  const section = renderProposedConfig(proposed);
  const failing = proposed.errors.length > 0;
  const fixes = brokenConfig && !failing;
  const after = (text: string | undefined): string =>
    text === undefined ? section : `${text}\n\n${section}`;
  return {
    ...plan,
    comment:
      plan.comment !== undefined || failing
        ? after(plan.comment ?? plan.checkRun?.summary)
        : undefined,
    checkRun: plan.checkRun && {
      conclusion: failing
        ? "failure"
        : fixes
          ? "neutral"
          : plan.checkRun.conclusion,
      title: failing
        ? `${plan.checkRun.title}; the proposed ${CONFIG_PATH} is invalid`
        : fixes
          ? `${plan.checkRun.title}; this PR's proposal fixes it`
          : plan.checkRun.title,
      summary: after(plan.checkRun.summary),
      annotations: [
        ...plan.checkRun.annotations,
        ...annotateProposedConfig(proposed),
      ],
    },
  };
}

function planDocs(input: PlanInput): PullRequestPlan {
  const { config, reports } = input;
  const vocabulary = input.statusLabels.map((label) => label.status);
  const { status, heldBy } = choosePullRequestStatus(reports, vocabulary);
  const wanted = input.requested ?? status;
  const label = input.statusLabels.find((entry) => entry.status === wanted);
  const checklist = renderChecklist(reports, [
    ...(input.notes ?? []),
    ...(input.truncated ? [describeTruncated(input.truncated)] : []),
    describeStatusLabel(label?.name, input.requested ? undefined : heldBy),
  ]);
  const failing = worstOutcome(reports) === "failure";
  return {
    comment:
      config.comment === "always" || failing || input.hasComment
        ? checklist
        : undefined,
    labels: planStatusLabels(
      input.currentLabels,
      label?.name,
      input.statusLabels.map((entry) => entry.name),
    ),
    checkRun: renderCheckRun(
      reports,
      describeSummary(summarize(reports)),
      checklist,
    ),
    status: label?.name,
  };
}

function planNoDocs(input: PlanInput): PullRequestPlan {
  const truncated = input.truncated ? [describeTruncated(input.truncated)] : [];
  const text = renderNoDocs(input.config.paths, input.reported, truncated);
  return {
    comment:
      input.hasComment ||
      (truncated.length > 0 && input.config.comment === "always")
        ? text
        : undefined,
    labels: input.reported
      ? planStatusLabels(
          input.currentLabels,
          undefined,
          input.statusLabels.map((entry) => entry.name),
        )
      : NO_LABEL_CHANGE,
    checkRun: {
      conclusion: truncated.length > 0 ? "neutral" : "success",
      title:
        truncated.length > 0
          ? "Not every file could be checked"
          : input.reported
            ? "No design docs in this PR any more"
            : "No design docs in this PR",
      summary: text,
      annotations: [],
    },
    status: undefined,
  };
}

function finish(input: PlanInput, plan: PullRequestPlan): FinishedPlan {
  const checkRun =
    plan.checkRun && input.truncated && plan.checkRun.conclusion === "success"
      ? { ...plan.checkRun, conclusion: "neutral" as const }
      : plan.checkRun;
  if (input.config.mode === "dry-run") {
    const report = checkRun && {
      ...checkRun,
      conclusion: "neutral" as const,
      title: `Dry run: ${checkRun.title}`,
    };
    return {
      comment: undefined,
      labels: NO_LABEL_CHANGE,
      checkRun: report,
      status: plan.status,
      report,
    };
  }
  return {
    ...plan,
    checkRun: input.config.checkRun === false ? undefined : checkRun,
    report: checkRun,
  };
}
