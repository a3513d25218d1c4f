const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Makes text safe as HTML text and as a quoted attribute's value: every character that could
 * end either is escaped, so a doc's title or path can never become markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * The URL escaped for an `href`, or null unless it is http(s): a doc could hand the gathering
 * a `javascript:` URL, which the page must never make clickable.
 */
export function safeHref(url: string | null): string | null {
  if (url === null || !URL.canParse(url)) return null;
  const { protocol } = new URL(url);
  return protocol === "https:" || protocol === "http:" ? escapeHtml(url) : null;
}
