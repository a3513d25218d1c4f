import type { Nodes } from "mdast";
import type { TaskItem } from "./types.js";
import { plainText } from "./plain-text.js";

/** Every GitHub task-list item in the tree, nested ones included, in document order. */
export function readTasks(node: Nodes): TaskItem[] {
  const tasks: TaskItem[] = [];
  const visit = (current: Nodes): void => {
    if (current.type === "listItem" && typeof current.checked === "boolean") {
      const first = current.children[0];
      tasks.push({
        text: first ? plainText(first).replace(/\s+/gu, " ").trim() : "",
        checked: current.checked,
        line: current.position?.start.line ?? 1,
      });
    }
    if ("children" in current)
      current.children.forEach((child) => visit(child as Nodes));
  };
  visit(node);
  return tasks;
}
