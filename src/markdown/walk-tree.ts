import type { Nodes } from "mdast";

/**
 * Visits nodes depth first, in document order, with a stack of its own rather than
 * recursion: a doc can nest quotes or lists thousands deep, past the call stack's reach.
 * `visit` returns false to skip a node's children.
 */
export function walkTree(
  roots: readonly Nodes[],
  visit: (node: Nodes) => boolean | void,
): void {
  const stack: Nodes[] = [...roots].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (visit(node) === false || !("children" in node)) continue;
    for (let index = node.children.length - 1; index >= 0; index -= 1)
      stack.push(node.children[index] as Nodes);
  }
}
