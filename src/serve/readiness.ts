/**
 * One thing the server needs before it should be sent work: its name, and why it is not
 * ready, or undefined when it is. Today the server's own draining; a Redis connection's
 * reachability is one more check of this shape (e.g. `{ name: "redis", check: ping }`).
 */
export interface ReadinessCheck {
  name: string;
  check(): string | undefined | Promise<string | undefined>;
}

/** How long one check may take before it counts as not ready. */
export const READINESS_CHECK_TIMEOUT_MS = 1000;

/**
 * Runs every check side by side: undefined when all are ready, else the reasons of those
 * that are not, each named ("draining: taking no new deliveries"). A check that throws or
 * takes longer than `timeoutMs` is not ready.
 */
export async function readReadiness(
  checks: readonly ReadinessCheck[],
  timeoutMs = READINESS_CHECK_TIMEOUT_MS,
): Promise<string | undefined> {
  const reasons = await Promise.all(
    checks.map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<string>((resolve) => {
        timer = setTimeout(resolve, timeoutMs, `no answer in ${timeoutMs} ms`);
      });
      try {
        const reason = await Promise.race([
          Promise.resolve().then(check),
          late,
        ]);
        return reason === undefined ? undefined : `${name}: ${reason}`;
      } catch (error) {
        return `${name}: ${(error as Error).message}`;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const failing = reasons.filter((reason) => reason !== undefined);
  return failing.length > 0 ? failing.join("; ") : undefined;
}
