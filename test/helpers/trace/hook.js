// The loader hook of preload.js: appends each ES module's URL as it loads, synchronously, so
// the list is whole however the process ends.
import { appendFileSync } from "node:fs";

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  appendFileSync(file, `${url}\n`);
  return result;
}
