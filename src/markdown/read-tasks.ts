import type { Nodes } from "mdast";
import type { TaskItem } from "./types.js";
import { plainText } from "./plain-text.js";
import { walkTree } from "./walk-tree.js";

/** Every GitHub task-list item in the tree, nested ones included, in document order. */
export function readTasks(node: Nodes): TaskItem[] {
  const tasks: TaskItem[] = [];
  walkTree([node], (current) => {
    if (current.type === "listItem" && typeof current.checked === "boolean") {
      const first = current.children[0];
      tasks.push({
        text: first ? plainText(first).replace(/\s+/gu, " ").trim() : "",
        checked: current.checked,
        line: current.position?.start.line ?? 1,
      });
    }
  });
  return tasks;
}
