import { expect, test } from "@jest/globals";
import { decodeState, encodeState } from "../../src/report/comment-state.js";

const STATE = { pending: { status: "Approved" } };

test("the state line reads back as the state it was written from", () => {
  const body = ["### Design docs", "", ...encodeState(STATE), "", "- [x] A"];
  expect(decodeState(body.join("\n"))).toEqual(STATE);
});

test("a body edited on GitHub's web page, with CRLF endings, keeps its state", () => {
  const body = ["### Design docs", ...encodeState(STATE), "- [x] A"];
  expect(decodeState(body.join("\r\n"))).toEqual(STATE);
});

test("nothing to remember writes no line, and a malformed line reads as no state", () => {
  expect(encodeState({})).toEqual([]);
  expect(decodeState("<!-- design-docs-bot: state {oops -->")).toEqual({});
  expect(decodeState("no state here")).toEqual({});
});
