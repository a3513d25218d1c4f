/** Runs tasks one after another per key, and tasks for different keys side by side. */
export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Keys with work queued or running. */
  readonly size: number;
  /** Resolves once no work is queued or running, including work queued while waiting. */
  idle(): Promise<void>;
}

/**
 * A queue that serialises work per key (per PR): deliveries for one PR that arrive together
 * run in turn, so two runs never both create the checklist comment.
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get size() {
      return tails.size;
    },
    async idle() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}
