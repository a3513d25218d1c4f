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

test("the reviews asked for per status read back; malformed entries are left out", () => {
  const reviews = {
    "In Review": { asked: ["alice", "@acme/architects"] },
    Approved: {
      asked: ["bob"],
      refused: { names: ["mallory"], reason: "not a collaborator" },
    },
  };
  const body = encodeState({ ...STATE, reviews }).join("\n");
  expect(decodeState(body)).toEqual({ ...STATE, reviews });
  expect(
    decodeState(
      '<!-- design-docs-bot: state {"reviews":{"WIP":{"asked":"x"},"Approved":{"asked":["bob",3],"refused":"x"}}} -->',
    ),
  ).toEqual({ reviews: { Approved: { asked: ["bob"] } } });
});
