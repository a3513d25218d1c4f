import { expect, test } from "@jest/globals";
import { parseSetter, type Setter } from "../../src/config/status-rules.js";
import {
  describeReviews,
  planReviewRequests,
  type ReviewFacts,
} from "../../src/report/plan-reviews.js";

const setters = (...names: string[]): Setter[] =>
  names.map((name) => parseSetter(name) as Setter);

const facts = (given: Partial<ReviewFacts> = {}): ReviewFacts => ({
  reviewers: {
    "In Review": setters(
      "alice",
      "bob",
      "Codertocat",
      "@Codertocat/architects",
    ),
  },
  statuses: ["In Review"],
  asked: {},
  owner: "Codertocat",
  author: "Codertocat",
  requestedUsers: [],
  requestedTeams: [],
  reviewed: [],
  ...given,
});

test.each([
  {
    name: "a doc reached a status with reviewers: everyone named but the author",
    given: {},
    requests: [
      {
        status: "In Review",
        users: ["alice", "bob"],
        teams: ["architects"],
        names: ["alice", "bob", "@Codertocat/architects"],
      },
    ],
  },
  {
    name: "already requested or reviewing: not asked again",
    given: {
      requestedUsers: ["ALICE"],
      reviewed: ["bob"],
      requestedTeams: ["architects"],
    },
    requests: [{ status: "In Review", users: [], teams: [], names: [] }],
  },
  {
    name: "asked for this status before on this PR: nothing",
    given: { asked: { "In Review": { asked: ["alice"] } } },
    requests: [],
  },
  {
    name: "a status without reviewers: nothing",
    given: { statuses: ["WIP"] },
    requests: [],
  },
  {
    name: "a team of another organisation cannot be asked",
    given: { reviewers: { "In Review": setters("@acme/architects") } },
    requests: [{ status: "In Review", users: [], teams: [], names: [] }],
  },
  {
    name: "two docs at one status: one request",
    given: { statuses: ["In Review", "In Review"] },
    requests: [expect.objectContaining({ status: "In Review" })],
  },
])("$name", ({ given, requests }) => {
  expect(planReviewRequests(facts(given))).toEqual(requests);
});

test("the checklist says who was asked, whom GitHub refused, who allowed has approved, and why this run could not ask", () => {
  expect(
    describeReviews(
      {
        "In Review": { asked: ["alice", "@Codertocat/architects"] },
        Approved: {
          asked: ["bob"],
          refused: {
            names: ["mallory"],
            reason: "Reviews may only be requested from collaborators.",
          },
        },
        Obsolete: { asked: [] },
      },
      { "In Review": ["alice"] },
      "GitHub answered 502",
    ),
  ).toEqual([
    "Reviewers for **In Review**: reviews requested from @&#8203;alice, @&#8203;Codertocat/architects. Approved by @&#8203;alice.",
    "Reviewers for **Approved**: reviews requested from @&#8203;bob. GitHub refused to ask @&#8203;mallory: Reviews may only be requested from collaborators. Approved by nobody yet.",
    "Reviewers for **Obsolete**: nobody left to ask (each was requested already, is reviewing, or is the author). Approved by nobody yet.",
    "Could not request reviews: GitHub answered 502. The next event asks again.",
  ]);
});
