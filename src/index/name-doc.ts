import type { DocRef } from "./types.js";

/** A doc as a finding names it: its path, and its repository when that is not the reader's. */
export function nameDoc(doc: DocRef, from: string | null): string {
  return doc.repo === from || doc.repo === null
    ? doc.path
    : `${doc.path} (${doc.repo})`;
}
