/**
 * Reads one installation has in flight at once, at most, in this process: a third of the 100
 * GitHub allows, so a PR with a hundred docs, or a push re-checking several PRs, stays well
 * inside it (Probot's throttle allowed 10).
 */
export const MAX_READS_AT_ONCE = 32;

/** At most so many requests at once per key; the rest wait their turn, first come first. */
export interface InFlightLimit {
  /** Resolves once the request may start, with the function that ends its turn. */
  acquire(key: string): Promise<() => void>;
}

/**
 * A limit of `max` at once per key. GitHub takes at most 100 requests at once from one
 * installation (its secondary rate limits), across every PR being checked: reads read in
 * parallel (a file list's pages, a hundred blobs) queue past this many.
 */
export function createInFlightLimit(max: number): InFlightLimit {
  const keys = new Map<string, { active: number; waiting: (() => void)[] }>();
  const release = (key: string) => {
    const entry = keys.get(key);
    if (!entry) return;
    const next = entry.waiting.shift();
    if (next) next();
    else if (--entry.active === 0) keys.delete(key);
  };
  return {
    async acquire(key) {
      const entry = keys.get(key) ?? { active: 0, waiting: [] };
      keys.set(key, entry);
      if (entry.active < max) entry.active += 1;
      else await new Promise<void>((resolve) => entry.waiting.push(resolve));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release(key);
      };
    },
  };
}
