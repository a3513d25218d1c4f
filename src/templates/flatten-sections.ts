/** Every section of a tree, parents before their children, in document order. */
export function flattenSections<T extends { children: T[] }>(
  sections: readonly T[],
): T[] {
  return sections.flatMap((section) => [
    section,
    ...flattenSections(section.children),
  ]);
}
