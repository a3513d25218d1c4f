import { expect, test } from "@jest/globals";
import {
  parseCopy,
  parseDockerfile,
  parseEnv,
  parseExecForm,
} from "../helpers/dockerfile.js";

test("stages, continuations and comments are read as Docker reads them", () => {
  const stages = parseDockerfile(
    [
      "# a comment",
      "FROM node:20 AS build",
      "RUN npm ci \\",
      "    --ignore-scripts",
      "",
      "FROM node:20-slim",
      "ENV A=1 \\",
      "    # a comment inside a continuation",
      '    B="two words"',
      "USER node",
    ].join("\n"),
  );
  expect(stages).toEqual([
    {
      image: "node:20",
      name: "build",
      instructions: [
        { keyword: "RUN", args: "npm ci --ignore-scripts", line: 3 },
      ],
    },
    {
      image: "node:20-slim",
      name: undefined,
      instructions: [
        { keyword: "ENV", args: 'A=1 B="two words"', line: 7 },
        { keyword: "USER", args: "node", line: 10 },
      ],
    },
  ]);
});

test("COPY, ENV and CMD in the forms the Dockerfile may use", () => {
  expect(parseCopy("--from=build /app/lib ./lib")).toEqual({
    from: "build",
    sources: ["/app/lib"],
    destination: "./lib",
  });
  expect(parseCopy('["a", "b", "./"]')).toEqual({
    from: undefined,
    sources: ["a", "b"],
    destination: "./",
  });
  expect(parseEnv('NODE_ENV=production HOST=0.0.0.0 NAME="a b"')).toEqual({
    NODE_ENV: "production",
    HOST: "0.0.0.0",
    NAME: "a b",
  });
  expect(parseEnv("PORT 3000")).toEqual({ PORT: "3000" });
  expect(parseExecForm('["node", "lib/server.js"]')).toEqual([
    "node",
    "lib/server.js",
  ]);
});

test("what it cannot read is an error, not a guess", () => {
  expect(() => parseCopy("--chown=node src ./src")).toThrow("--chown");
  expect(() => parseExecForm("node lib/server.js")).toThrow("exec form");
  expect(() => parseDockerfile("RUN true")).toThrow("before FROM");
  expect(() => parseDockerfile("FROM x\nRUN <<EOF\nEOF")).toThrow();
});
