import { expect, test } from "@jest/globals";
import { createKeyedQueue } from "../../src/github/keyed-queue.js";

test("tasks for one key run in turn, tasks for other keys alongside, and a failure does not block the next", async () => {
  const queue = createKeyedQueue();
  const events: string[] = [];
  const task =
    (name: string, fail = false) =>
    async (): Promise<string> => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
  const results = await Promise.allSettled([
    queue.run("pr-1", task("a1", true)),
    queue.run("pr-1", task("a2")),
    queue.run("pr-2", task("b1")),
  ]);
  expect(results.map((result) => result.status)).toEqual([
    "rejected",
    "fulfilled",
    "fulfilled",
  ]);
  expect(events.indexOf("start a2")).toBeGreaterThan(events.indexOf("end a1"));
  expect(events.indexOf("start b1")).toBeLessThan(events.indexOf("end a1"));
  await new Promise((resolve) => setImmediate(resolve));
  expect(queue.size).toBe(0);
});

test("idle waits for running work and for work queued behind it", async () => {
  const queue = createKeyedQueue();
  const done: string[] = [];
  let release = (): void => undefined;
  void queue.run(
    "pr-1",
    () =>
      new Promise<void>((resolve) => {
        release = () => {
          done.push("first");
          // Queued while idle() is already waiting.
          void queue.run("pr-2", async () => {
            done.push("second");
          });
          resolve();
        };
      }),
  );
  let idle = false;
  const waiting = queue.idle().then(() => {
    idle = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  expect(idle).toBe(false);
  release();
  await waiting;
  expect(done).toEqual(["first", "second"]);
  await expect(createKeyedQueue().idle()).resolves.toBeUndefined();
});
