/**
 * The project's layers, lowest first: a folder of src/ may import from itself and from the
 * folders before it, never from one after it, and no module may import itself round a loop.
 * `npm test` runs this (npm run deps).
 */
const LAYERS = [
  "markdown",
  "templates",
  "validate",
  "config",
  "metrics",
  "github",
  "report",
  "workers",
  "index",
  "handlers",
  "serve",
  "action",
];

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A loop of imports, type-only ones included.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...LAYERS.map((layer, index) => ({
      name: `layer-${layer}`,
      comment: `src/${layer} may import only from ${["itself", ...LAYERS.slice(0, index)].join(", ")}.`,
      severity: "error",
      from: { path: `^src/${layer}/` },
      to: {
        path: `^src/`,
        pathNot: `^src/(${[layer, ...LAYERS.slice(0, index)].join("|")})/`,
      },
    })),
  ],
  options: {
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
  },
};
