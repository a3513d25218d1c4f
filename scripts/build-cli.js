// npm run build, after tsc: bundles the command line (lib/cli/main.js and what it imports,
// packages included) into lib/bundle/, one chunk per command and the chunks they share, so
// `design-docs` loads a few files instead of some 240 modules: on Node 20, resolving and
// linking each ES module costs more than the check of a doc does. It also drops what check
// never calls: the to-markdown halves of the GFM packages, and mdast-util-to-markdown behind
// them, whose modules Node would load unbundled. The server and the tests use the unbundled
// lib/ and src/. The metafile says which modules each chunk holds, for the test of what a run
// loads (test/cli/cli-modules.test.ts).
//
// lib/bundle/ is two folders deep, as lib/cli/ is, so the bundled code's
// `new URL("../../…", import.meta.url)` (package.json, templates/, the built templates)
// points where it does unbundled.
import { rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const OUT = new URL("../lib/bundle/", import.meta.url);

// Chunk names carry a hash of their content: a chunk of an earlier build would stay behind.
rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: { "design-docs": "lib/cli/main.js" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: OUT.pathname,
  metafile: true,
  sourcemap: true,
  logLevel: "warning",
});
writeFileSync(new URL("meta.json", OUT), JSON.stringify(result.metafile));
console.log(
  `Bundled the CLI into ${Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".js")).length} files in ${OUT.pathname}`,
);
