/*
 * The from-markdown half of mdast-util-gfm-task-list-item 2.0.1 (MIT, Titus Wormer), ported
 * as it is, for the reason table-from-markdown.ts gives: the package's one entry loads
 * mdast-util-to-markdown.
 */
import type { ListItem, Paragraph } from "mdast";
import type {
  CompileContext,
  Extension,
  Token,
} from "mdast-util-from-markdown";

/** The `mdast-util-from-markdown` extension that sets `checked` on GFM task list items. */
export function taskListItemFromMarkdown(): Extension {
  return {
    exit: {
      taskListCheckValueChecked: exitCheck,
      taskListCheckValueUnchecked: exitCheck,
      paragraph: exitParagraphWithTaskListItem,
    },
  };
}

function exitCheck(this: CompileContext, token: Token): void {
  // A check is always in a paragraph, in a list item.
  const node = this.stack[this.stack.length - 2] as ListItem;
  node.checked = token.type === "taskListCheckValueChecked";
}

/** Ends a paragraph; in a task item's first paragraph, drops the space after the check. */
function exitParagraphWithTaskListItem(
  this: CompileContext,
  token: Token,
): void {
  const parent = this.stack[this.stack.length - 2];
  if (
    parent &&
    parent.type === "listItem" &&
    typeof parent.checked === "boolean"
  ) {
    const node = this.stack[this.stack.length - 1] as Paragraph;
    const head = node.children[0];
    const firstParagraph = parent.children.find(
      (sibling) => sibling.type === "paragraph",
    );
    if (head && head.type === "text" && firstParagraph === node) {
      // It starts with a space or a tab.
      head.value = head.value.slice(1);
      if (head.value.length === 0) {
        node.children.shift();
      } else if (
        node.position &&
        head.position &&
        typeof head.position.start.offset === "number"
      ) {
        head.position.start.column++;
        head.position.start.offset++;
        node.position.start = { ...head.position.start };
      }
    }
  }
  this.exit(token);
}
