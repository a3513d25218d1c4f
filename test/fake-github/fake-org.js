// A small organisation, acme, for the tests and the benchmark of `design-docs index --org`:
// five repos that between them hold what an org index meets (docs in each status, links that
// resolve, across repos too, and one that does not, an incomplete doc, a doc that is not
// UTF-8, a repo's own paths, an archived repo, one the token cannot read, an empty one, open
// PRs with and without a doc). Plain JavaScript, as the fake is; types in fake-org.d.ts.

export const FAKE_ORG = "acme";

const QUOTAS = `# Quotas
**Owner:** Priya Natarajan

**Status:** Approved

**Created:** 2026-03-02

## Description
Every tenant gets a quota on stored objects and API calls, enforced in one place.

## Overview
### Goals
Stop one tenant from using up shared capacity. Make limits visible before they bite.

### Requirements
A quota check must add less than a millisecond to a request. Quotas change without a deploy.

### Background
Today each service counts usage its own way, and two of them do not count at all.

### Design Overview
A quota service holds each tenant's limits and counters; services ask it before doing work.

## Usage
### Use Cases
Support raises a tenant's limit for a migration. A service refuses an upload over the limit.

### User Experience
Tenants see their usage and limits on the billing page and in response headers.

## Design
### Detailed Design
Counters live in Redis, keyed by tenant and resource, and are flushed to Postgres each minute.

### Alternatives
Counting in each service was rejected: the numbers would drift and nobody could see the total.

### Dependencies
- Redis cluster
- Billing page

### Rollout Plan
Run in report-only mode for two weeks, then enforce per service.

### Migration Plan
Existing per-service limits are imported as the first quotas.

## Testing
Load tests at twice the peak rate; a test per resource that a request over the limit is refused.
`;

const RATE_LIMITS = `# Rate limits
**Owner:** Tomás Ferreira

**Status:** In Review

**Created:** 2026-04-14

**Requires:** [Quotas](./quotas.md)

## Description
Per-tenant request rate limits at the edge, built on the quota service.

## Overview
### Goals
Keep the API responsive when one tenant sends a burst of requests.

### Requirements
Limits are per tenant and per route group, and a refused request says when to retry.

### Background
A single tenant's batch job took the API down twice last quarter.

### Design Overview
The edge proxy keeps a token bucket per tenant, refilled from the limits the quota service holds.

## Usage
### Use Cases
A batch job is slowed instead of failing; an interactive user is not affected by it.

### User Experience
A refused request gets 429 with a Retry-After header; the limits are documented per plan.

## Design
### Detailed Design
Buckets live in the proxy's memory and are synchronised every second through Redis.

### Alternatives
A global limit for all tenants was rejected because it punishes everyone for one tenant's burst.

### Dependencies
- Quotas
- Edge proxy

### Rollout Plan
Enable per route group, starting with the export endpoints.

### Migration Plan
No limits exist today, so there is nothing to migrate.

## Testing
A burst test per plan checks that 429s start at the limit and stop after the window.
`;

// Incomplete on purpose: its Alternatives section is empty.
const SHARDING = `# Sharding
**Owner:** Wei Chen

**Status:** WIP

**Created:** 2026-06-20

**Related:** ./missing.md

## Description
Split the main database by tenant so that no single machine holds every tenant.

## Overview
### Goals
Grow past the largest machine we can buy, and isolate a noisy tenant's load.

### Requirements
A tenant's data lives on one shard; moving a tenant takes minutes, not hours.

### Background
The primary database is at seventy percent of its disk and grows every month.

### Design Overview
A directory maps each tenant to a shard; the data layer routes every query through it.

## Usage
### Use Cases
A large tenant gets a shard of its own; new tenants go to the emptiest shard.

### User Experience
Nothing changes for tenants; operators move tenants with one command.

## Design
### Detailed Design
The directory is a small replicated table cached in each service for thirty seconds.

### Alternatives

### Dependencies
- Postgres logical replication

### Rollout Plan
Start with one shard holding every tenant, then move tenants one by one.

### Migration Plan
Tenants are copied with logical replication and switched over in a short write pause.

## Testing
A staging copy of production is sharded and every service's test suite runs against it.
`;

const OLD_CACHE = `# Page cache
**Owner:** Dana Okafor

**Status:** Obsolete

**Created:** 2026-01-09

**Superseded by:** ./cache.md

## Description
Cache rendered pages in each web server's memory for a minute.

## Overview
### Goals
Cut the time to render the busiest pages.

### Requirements
A cached page is at most a minute old.

### Background
The dashboard page was rendered on every request and took half a second.

### Design Overview
Each web server keeps a map of rendered pages with a time to live.

## Usage
### Use Cases
Repeat visits to the dashboard are served from memory.

### User Experience
Pages load faster; a change shows up within a minute.

## Design
### Detailed Design
An in-process LRU map holds up to ten thousand pages per server.

### Alternatives
A shared cache was left for later because we had no cache cluster then.

### Dependencies
- None

### Rollout Plan
Enabled on every web server at once behind a flag.

### Migration Plan
Nothing was cached before, so there was nothing to migrate.

## Testing
A test renders a page twice and checks that the second render came from the cache.
`;

const CACHE = `# Shared cache
**Owner:** Dana Okafor

**Status:** Approved

**Created:** 2026-05-11

**Supersedes:** ./old-cache.md

## Description
Replace each server's page cache with a shared cache that is invalidated on writes.

## Overview
### Goals
Serve every server's requests from one cache and never show a page older than its data.

### Requirements
An invalidation reaches the cache within a second of the write.

### Background
The per-server page cache showed stale pages for up to a minute after an edit.

### Design Overview
Web servers read through a shared cache; writes publish invalidations by key.

## Usage
### Use Cases
An edit to a project shows at once on every server's dashboard.

### User Experience
Users see their own edits straight away; pages stay as fast as before.

## Design
### Detailed Design
Keys name the data a page was built from; a write publishes those keys on a channel.

### Alternatives
Shorter time-to-live values were considered, but they cut the hit rate without removing staleness.

### Dependencies
- Redis cluster

### Rollout Plan
Shadow reads for a week to compare hit rates, then switch server by server.

### Migration Plan
The old page cache is switched off per server once the shared cache serves it.

## Testing
Tests edit data and check that the next read on another server sees the edit.
`;

const SEARCH = `# Search
**Owner:** Lena Vogel

**Status:** In Review

**Created:** 2026-09-03

## Description
Full-text search over a tenant's projects and documents.

## Overview
### Goals
Find a document by any word in it within a second.

### Requirements
Results respect the searcher's permissions; new documents are searchable within a minute.

### Background
Users today search by title only, and ask support to find documents for them.

### Design Overview
An indexer consumes change events and writes to a search cluster; the API queries it.

## Usage
### Use Cases
A user finds last year's plan by a phrase they remember from it.

### User Experience
A search box on every page, with results grouped by project.

## Design
### Detailed Design
One index per tenant; each document is indexed with the ids of the groups that can read it.

### Alternatives
Postgres full-text search was tried and was too slow on the largest tenants.

### Dependencies
- Search cluster
- Change events

### Rollout Plan
Index every tenant in the background, then turn the search box on per plan.

### Migration Plan
Title search keeps working until full-text search is on for everyone.

## Testing
Permission tests check that a user never sees a document they cannot open.
`;

const LEDGER = `# Ledger
**Owner:** Amara Nwosu

**Status:** In Review

**Created:** 2026-07-01

**Requires:** https://github.com/acme/platform/blob/main/docs/design/quotas.md

## Description
An append-only ledger of every charge and credit, the one source for balances.

## Overview
### Goals
Make every balance explainable from its entries.

### Requirements
Entries are never changed or deleted; a correction is a new entry.

### Background
Balances today are updated in place, and some cannot be explained after the fact.

### Design Overview
A ledger service appends entries in a transaction and derives balances from them.

## Usage
### Use Cases
Finance explains a customer's invoice line by line.

### User Experience
Customers see each charge with the usage that caused it.

## Design
### Detailed Design
Entries carry an idempotency key, so a retried charge is written once.

### Alternatives
Keeping balances in place with an audit log was rejected: the two can disagree.

### Dependencies
- Quotas, for the usage that is charged

### Rollout Plan
Write to the ledger alongside today's balances, compare daily, then switch reads.

### Migration Plan
Today's balances become opening entries, one per account.

## Testing
Property tests replay random charges and check that balances equal the sum of entries.
`;

const REFUNDS = `# Refunds
**Owner:** Amara Nwosu

**Status:** Approved

**Created:** 2026-08-12

**Requires:** ./ledger.md

## Description
Refunds as credit entries in the ledger, issued by support within limits.

## Overview
### Goals
Let support refund a charge without asking engineering.

### Requirements
A refund never exceeds the charge it refunds; large refunds need a second approver.

### Background
Refunds are done by hand in the database today.

### Design Overview
A refund is a ledger entry linked to the charge it reverses.

## Usage
### Use Cases
Support refunds a duplicate charge the same day the customer reports it.

### User Experience
Support picks the charge, the amount and a reason; the customer gets an email.

## Design
### Detailed Design
The refund service checks the remaining refundable amount in the same transaction.

### Alternatives
Refunds through the payment provider's dashboard were rejected: the ledger would not know.

### Dependencies
- Ledger

### Rollout Plan
Open to the support leads first, then to all of support.

### Migration Plan
Past manual refunds are imported as entries with their original dates.

## Testing
Tests refund a charge twice and check the second refund is refused.
`;

// Outside payments' paths: a doc, but not one its index should list.
const IGNORED = `# Old payments flow
**Owner:** Amara Nwosu

**Status:** Obsolete

**Created:** 2026-02-01

## Description
The card flow before the ledger, kept for reference.

## Overview
### Goals
Take card payments through one provider.

### Requirements
Payments succeed or fail within ten seconds.

### Background
This was the first payments design, written before the company had invoices.

### Design Overview
The web app called the provider directly and stored the result.

## Usage
### Use Cases
A customer pays for a plan with a card.

### User Experience
A card form on the plan page.

## Design
### Detailed Design
One table of payments with the provider's status.

### Alternatives
Invoices were left for later.

### Dependencies
- The payment provider

### Rollout Plan
Shipped with the first paid plan.

### Migration Plan
Nothing came before it.

## Testing
Tests against the provider's sandbox.
`;

const MAINFRAME = `# Mainframe batch
**Owner:** Harold Finch

**Status:** Obsolete

**Created:** 2026-01-05

## Description
Nightly batch exports to the old mainframe, kept until it was switched off.

## Overview
### Goals
Send each day's orders to the mainframe before it opens.

### Requirements
The export finishes before six in the morning.

### Background
Accounting still ran on the mainframe when this was written.

### Design Overview
A cron job writes a fixed-width file and copies it over SFTP.

## Usage
### Use Cases
Accounting reconciles the day's orders each morning.

### User Experience
Nobody sees it unless the file is late.

## Design
### Detailed Design
One record per order, in the layout the mainframe expects.

### Alternatives
A message queue was not possible on the mainframe's side.

### Dependencies
- SFTP server

### Rollout Plan
Ran in parallel with the manual export for a month.

### Migration Plan
The manual export was stopped once the files matched.

## Testing
The file was compared byte for byte with the manual export for a month.
`;

const SECRET = `# Key rotation
**Owner:** Ines Duarte

**Status:** WIP

**Created:** 2026-10-20

## Description
Rotate every service's signing keys each month without downtime.

## Overview
### Goals
No key lives longer than forty days.

### Requirements
Both the old and the new key verify during a rotation.

### Background
Some keys have not been rotated since they were made.

### Design Overview
A rotation job publishes the new key, waits, then retires the old one.

## Usage
### Use Cases
A leaked key is replaced within an hour.

### User Experience
Services pick up keys from the key store; nobody edits configuration.

## Design
### Detailed Design
Keys carry an id; verifiers accept any published key that is not retired.

### Alternatives
Longer-lived keys with revocation lists were rejected as harder to run.

### Dependencies
- Key store

### Rollout Plan
One service a week, starting with internal ones.

### Migration Plan
Existing keys are imported with their creation dates and rotated first.

## Testing
A rotation runs in staging while a load test checks that no request fails to verify.
`;

const PLATFORM_README = `# Platform

Shared services for every acme product. Designs are in docs/design.
`;

const PAYMENTS_CONFIG = `paths:
  - "rfcs/**/*.md"
`;

/** Bytes that are not UTF-8: a doc that cannot be read as text. */
const NOT_UTF8 = Buffer.from([0xff, 0xfe, 0x00, 0x41]);

/**
 * Fills `github` with the acme organisation and answers what is in it, for tests to compare
 * against (see fake-org.d.ts).
 */
export function seedFakeOrg(github) {
  const platform = {
    "README.md": PLATFORM_README,
    "docs/design/quotas.md": QUOTAS,
    "docs/design/rate-limits.md": RATE_LIMITS,
    "docs/design/sharding.md": SHARDING,
    "docs/design/old-cache.md": OLD_CACHE,
    "docs/design/cache.md": CACHE,
  };
  github.addRepo("acme/platform", { files: platform });
  github.addRepo("acme/payments", {
    files: {
      ".github/design-docs.yml": PAYMENTS_CONFIG,
      "rfcs/ledger.md": LEDGER,
      "rfcs/refunds.md": REFUNDS,
      "rfcs/notes.bin.md": NOT_UTF8,
      "docs/design/ignored.md": IGNORED,
    },
  });
  github.addRepo("acme/legacy", {
    files: { "docs/design/mainframe.md": MAINFRAME },
    archived: true,
  });
  github.addRepo("acme/secret", {
    files: { "docs/design/key-rotation.md": SECRET },
    access: "none",
  });
  github.addRepo("acme/empty");
  github.setPullRequest("acme/platform", 7, {
    headSha: "7".repeat(40),
    files: { "docs/design/search.md": SEARCH },
    base: platform,
    labels: ["In Review"],
  });
  github.setPullRequest("acme/platform", 8, {
    headSha: "8".repeat(40),
    files: { "README.md": `${PLATFORM_README}\nOwned by the platform team.\n` },
    base: platform,
  });
  return {
    org: FAKE_ORG,
    repos: [
      "acme/empty",
      "acme/legacy",
      "acme/payments",
      "acme/platform",
      "acme/secret",
    ],
    listedRepos: 5,
    archivedRepo: "acme/legacy",
    noAccessRepo: "acme/secret",
    emptyRepo: "acme/empty",
    docPaths: {
      "acme/platform": [
        "docs/design/cache.md",
        "docs/design/old-cache.md",
        "docs/design/quotas.md",
        "docs/design/rate-limits.md",
        "docs/design/sharding.md",
      ],
      "acme/payments": [
        "rfcs/ledger.md",
        "rfcs/notes.bin.md",
        "rfcs/refunds.md",
      ],
      "acme/legacy": ["docs/design/mainframe.md"],
    },
    statuses: {
      "acme/platform/docs/design/cache.md": "Approved",
      "acme/platform/docs/design/old-cache.md": "Obsolete",
      "acme/platform/docs/design/quotas.md": "Approved",
      "acme/platform/docs/design/rate-limits.md": "In Review",
      "acme/platform/docs/design/sharding.md": "WIP",
      "acme/payments/rfcs/ledger.md": "In Review",
      "acme/payments/rfcs/refunds.md": "Approved",
      "acme/legacy/docs/design/mainframe.md": "Obsolete",
    },
    incompleteDoc: "acme/platform/docs/design/sharding.md",
    unreadableDoc: "acme/payments/rfcs/notes.bin.md",
    ignoredDoc: "acme/payments/docs/design/ignored.md",
    brokenLink: {
      from: "acme/platform/docs/design/sharding.md",
      target: "./missing.md",
    },
    proposals: [
      {
        repo: "acme/platform",
        number: 7,
        headSha: "7".repeat(40),
        path: "docs/design/search.md",
        status: "In Review",
        labels: ["In Review"],
        htmlUrl: "https://github.com/acme/platform/pull/7",
      },
    ],
    pullsWithoutDocs: [{ repo: "acme/platform", number: 8 }],
  };
}
