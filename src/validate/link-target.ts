/** What a link's target names: a file by path, a file on GitHub by URL, or a doc by title. */
export type LinkTarget =
  | { kind: "path"; path: string }
  | { kind: "url"; url: string; github: GitHubFile | undefined }
  | { kind: "title"; title: string };

/** A file of a repository, as `https://<host>/<owner>/<name>/blob/<ref>/<path>` names it. */
export interface GitHubFile {
  /** `owner/name`. */
  repo: string;
  /**
   * Everything after `blob/`: the ref, then the path. A branch may hold slashes, so where the
   * ref ends is only known once a path of the repository matches the end of it.
   */
  refAndPath: string;
}

const URL_SCHEME = /^[a-z][a-z\d+.-]*:\/\//iu;
const DOC_FILE = /\.(?:md|markdown|mdx)$/iu;
const BLOB = /^\/([^/]+)\/([^/]+)\/blob\/(.+)$/u;

/**
 * Reads a link's target as written: a URL when it has a scheme; a path when it starts with
 * `/`, `./` or `../`, or names a Markdown file, or holds a slash and no space; else a title.
 * A path loses its `#anchor` and `?query`, and percent-escapes are decoded.
 */
export function parseLinkTarget(target: string): LinkTarget {
  const text = target.trim();
  if (URL_SCHEME.test(text))
    return { kind: "url", url: text, github: githubFile(text) };
  const path = decode(text.replace(/[?#].*$/u, ""));
  const isPath =
    /^\.{0,2}\//u.test(path) ||
    DOC_FILE.test(path) ||
    (path.includes("/") && !/\s/u.test(path));
  return isPath && path !== ""
    ? { kind: "path", path }
    : { kind: "title", title: text };
}

/**
 * The repository path a relative path names from the doc at `from` (`/` starts at the root);
 * undefined when it climbs out of the repository.
 */
export function resolvePath(from: string, path: string): string | undefined {
  const parts = path.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part !== "..") parts.push(part);
    else if (parts.pop() === undefined) return undefined;
  }
  return parts.length > 0 ? parts.join("/") : undefined;
}

/** The file a GitHub (or GitHub Enterprise) blob URL names, whatever the host. */
function githubFile(url: string): GitHubFile | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const match = BLOB.exec(parsed.pathname);
  if (!match) return undefined;
  const [, owner = "", name = "", rest = ""] = match;
  return { repo: decode(`${owner}/${name}`), refAndPath: decode(rest) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
