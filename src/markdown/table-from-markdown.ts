/*
 * The from-markdown half of mdast-util-gfm-table 2.0.1 (MIT, Titus Wormer), ported as it is.
 * The package has one entry, which also exports its to-markdown half and so loads
 * mdast-util-to-markdown (50 modules the engine never runs) at every start.
 * test/markdown/parse-markdown.test.ts parses every fixture with this and with the package
 * and compares the trees.
 */
import type { InlineCode } from "mdast";
import type {
  CompileContext,
  Extension,
  Token,
} from "mdast-util-from-markdown";

declare module "mdast-util-from-markdown" {
  interface CompileData {
    /** Whether we are in a table, where `\|` in inline code is a pipe. */
    inTable?: boolean | undefined;
  }
}

/** The `mdast-util-from-markdown` extension that turns GFM table tokens into mdast tables. */
export function tableFromMarkdown(): Extension {
  return {
    enter: {
      table: enterTable,
      tableData: enterCell,
      tableHeader: enterCell,
      tableRow: enterRow,
    },
    exit: {
      codeText: exitCodeText,
      table: exitTable,
      tableData: exit,
      tableHeader: exit,
      tableRow: exit,
    },
  };
}

// The trailing `position: undefined` keeps each node's shape the one the package gives it.
function enterTable(this: CompileContext, token: Token): void {
  const align = token._align ?? [];
  this.enter(
    {
      type: "table",
      align: align.map((d) => (d === "none" ? null : d)),
      children: [],
      position: undefined,
    },
    token,
  );
  this.data.inTable = true;
}

function exitTable(this: CompileContext, token: Token): void {
  this.exit(token);
  this.data.inTable = undefined;
}

function enterRow(this: CompileContext, token: Token): void {
  this.enter({ type: "tableRow", children: [], position: undefined }, token);
}

function enterCell(this: CompileContext, token: Token): void {
  this.enter({ type: "tableCell", children: [], position: undefined }, token);
}

function exit(this: CompileContext, token: Token): void {
  this.exit(token);
}

/** Inline code in a table cell: an escaped pipe is a pipe there (a backslash stays). */
function exitCodeText(this: CompileContext, token: Token): void {
  let value = this.resume();
  if (this.data.inTable)
    value = value.replace(/\\([\\|])/g, (whole, char: string) =>
      char === "|" ? char : whole,
    );
  const node = this.stack[this.stack.length - 1] as InlineCode;
  node.value = value;
  this.exit(token);
}
