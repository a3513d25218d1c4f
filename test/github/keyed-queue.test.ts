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
