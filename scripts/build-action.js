// npm run build:action, after npm run build: bundles the Action (lib/action/main.js and
// everything it imports, packages included) into one file, dist/index.mjs, which action.yml
// runs and which is committed: a workflow runs it as it is in the repository, with no
// `npm ci`. esbuild, which already bundles the CLI, rather than ncc: ncc is a wrapper around
// webpack for CommonJS, and our code is ES modules that esbuild bundles as they are.
//
// Two modules are put in place of the ones tsc built, since the bundle is one file with no
// lib/ or node_modules/ beside it: the built-in templates are carried in it rather than read
// from lib/templates/builtin-templates.json, and `yaml` is bundled rather than loaded with
// require() when first needed. The bundle is its own doc worker (src/action/main.ts).
//
// `--out FILE` writes elsewhere: test/action/bundle.test.ts builds into a temporary folder
// and fails when the committed bundle differs.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const { values } = parseArgs({
  options: { out: { type: "string", default: "dist/index.mjs" } },
});
const root = new URL("..", import.meta.url).pathname;
const out = resolve(values.out);

const STAND_INS = {
  "lib/markdown/require-yaml.js": `import * as yaml from "yaml";
export function requireYaml() {
  return yaml;
}
`,
  "lib/templates/built-templates-file.js": `import stored from "./builtin-templates.json" with { type: "json" };
export function readBuiltTemplatesFile() {
  return stored;
}
`,
};

/** Puts the bundle's own modules in place of tsc's. */
const standIns = {
  name: "stand-ins",
  setup(bundler) {
    bundler.onLoad({ filter: /\.js$/ }, (args) => {
      const relative = args.path.slice(root.length);
      const contents = STAND_INS[relative];
      return contents === undefined
        ? undefined
        : { contents, loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

/**
 * Takes @actions/core's HTTP client as free of side effects, so that it goes with the one
 * function that uses it (getIDToken, OIDC), which the Action never calls: three quarters of
 * the bundle's bytes otherwise, undici and all, loaded at every start.
 */
const unusedHttpClient = {
  name: "unused-http-client",
  setup(bundler) {
    bundler.onResolve({ filter: /^@actions\/http-client/ }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
      const resolved = await bundler.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      return { ...resolved, sideEffects: false };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: ["lib/action/main.js"],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Packages written as CommonJS call require() for Node's own modules.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
  },
  plugins: [standIns, unusedHttpClient],
  write: false,
  legalComments: "eof",
  logLevel: "warning",
});
const [file] = result.outputFiles;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, file.contents);
console.log(
  `Bundled the Action into ${values.out} (${Math.round(file.contents.length / 1024)} KiB)`,
);
