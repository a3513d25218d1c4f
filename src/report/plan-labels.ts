/** The label changes that leave a PR with exactly the wanted status label. */
export interface StatusLabelPlan {
  add: string[];
  remove: string[];
}

/**
 * Plans the status labels: add the wanted one if missing, remove every other status label
 * present. Labels outside the status set are never touched. GitHub compares label names
 * without regard to case, and so does this.
 */
export function planStatusLabels(
  current: readonly string[],
  wanted: string | undefined,
  statusLabels: readonly string[],
): StatusLabelPlan {
  const key = (name: string): string => name.toLowerCase();
  const statusKeys = new Set(statusLabels.map(key));
  const present = current.filter((name) => statusKeys.has(key(name)));
  const add =
    wanted !== undefined && !present.some((name) => key(name) === key(wanted))
      ? [wanted]
      : [];
  const remove = present.filter(
    (name) => wanted === undefined || key(name) !== key(wanted),
  );
  return { add, remove };
}

/** Whether a plan changes nothing. */
export function isEmptyPlan(plan: StatusLabelPlan): boolean {
  return plan.add.length === 0 && plan.remove.length === 0;
}
