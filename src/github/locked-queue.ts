import type { KeyedQueue } from "./keyed-queue.js";
import type { PrLock } from "./redis-lock.js";

/**
 * The in-process queue with a lock shared by every replica behind it: a process takes the
 * lock for one task at a time per key, so it never races itself nor waits on Redis for its
 * own work, and deliveries for one PR split across replicas still run one after another.
 */
export function createLockedQueue(queue: KeyedQueue, lock: PrLock): KeyedQueue {
  return {
    run: (key, task) => queue.run(key, () => lock.hold(key, task)),
    get size() {
      return queue.size;
    },
    idle: () => queue.idle(),
  };
}
