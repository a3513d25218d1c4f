import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { renderIndexHtml } from "../../src/index/render-html.js";
import { ACME_INDEX, indexedDoc, orgIndex } from "../helpers/index-fixture.js";
import {
  CHROMIUM_MISSING,
  SKIP_CHROMIUM,
  launchChromium,
} from "../helpers/chromium.js";

if (SKIP_CHROMIUM)
  process.stderr.write(
    `Skipping the index page's browser tests: ${CHROMIUM_MISSING}\n`,
  );

/** Where the screenshot goes (gitignored). */
const SCREENSHOT = resolve("test-output", "index-page.png");

const STATUSES = ["WIP", "In Review", "Approved", "Obsolete"];

/** 2,000 docs in 50 repositories, a quarter at each Status. */
const LARGE_INDEX = orgIndex(
  Array.from({ length: 2000 }, (_, at) =>
    indexedDoc({
      repo: `acme/repo-${String(at % 50).padStart(2, "0")}`,
      path: `docs/design/doc-${String(at).padStart(4, "0")}.md`,
      title: `Doc ${at}`,
      status: [STATUSES[at % 4] ?? null, STATUSES[at % 4] ?? null],
      owner: `owner-${at % 25}`,
    }),
  ),
);

/** A page of the index in a fresh context, and what it asked for and complained about. */
interface OpenedPage {
  page: Page;
  requests: string[];
  errors: string[];
}

(SKIP_CHROMIUM ? describe.skip : describe)("the index page in Chromium", () => {
  let browser: Browser;
  let folder: string;
  let pageUrl: string;
  let largeUrl: string;

  beforeAll(async () => {
    browser = await launchChromium();
    folder = mkdtempSync(join(tmpdir(), "design-docs-index-page-"));
    const file = join(folder, "index.html");
    writeFileSync(file, renderIndexHtml(ACME_INDEX));
    pageUrl = pathToFileURL(file).href;
    const large = join(folder, "large.html");
    writeFileSync(large, renderIndexHtml(LARGE_INDEX));
    largeUrl = pathToFileURL(large).href;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  async function open(
    options: BrowserContextOptions = {},
    url = pageUrl,
  ): Promise<OpenedPage> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      ...options,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning")
        errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    return { page, requests, errors };
  }

  const shownTitles = (page: Page) =>
    page.locator("#docs tbody tr:visible td.title").allTextContents();
  const shownCount = (page: Page) => page.locator("#shown").textContent();

  test("the script runs under the page's policy, fetches nothing and logs no error", async () => {
    const { page, requests, errors } = await open();
    expect(await page.locator("#filters").isVisible()).toBe(true);
    expect(await shownCount(page)).toBe("All 8 docs");
    expect(requests).toEqual([pageUrl]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("at 1280 pixels the table fits the window: long paths and titles wrap", async () => {
    const { page } = await open();
    expect(
      await page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth",
      ),
    ).toBe(true);
    await page.context().close();
  });

  test("choosing a Status shows exactly its docs; a repository narrows them", async () => {
    const { page, errors } = await open();
    await page.getByLabel("Status").selectOption({ label: "In Review (3)" });
    expect(await shownTitles(page)).toEqual([
      "Per-client rate limits",
      "Dark mode",
      "Site search",
    ]);
    expect(await shownCount(page)).toBe("3 of 8 docs");
    await page.getByLabel("Repository").selectOption({ label: "acme/web (3)" });
    expect(await shownTitles(page)).toEqual(["Dark mode", "Site search"]);
    await page
      .getByLabel("Status")
      .selectOption({ label: "Unrecognised Status (1)" });
    expect(await shownTitles(page)).toEqual([]);
    expect(
      await page.getByText("No doc matches these filters.").isVisible(),
    ).toBe(true);
    await page
      .getByLabel("Repository")
      .selectOption({ label: "All repositories" });
    expect(await shownTitles(page)).toEqual(["docs/design/notes.md"]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("an owner, and a search over titles, paths and owners", async () => {
    const { page } = await open();
    await page.getByLabel("Owner").selectOption({ label: "Bo Chen (2)" });
    expect(await shownTitles(page)).toEqual([
      "Per-client rate limits",
      "Nightly backups",
    ]);
    await page.getByLabel("Owner").selectOption({ label: "All owners" });
    await page.getByLabel("Search").fill("ANA li");
    expect(await shownTitles(page)).toEqual([
      "Short-lived auth tokens",
      "Dark mode",
      "Dark mode",
    ]);
    await page.getByLabel("Search").fill("design/search.md");
    expect(await shownTitles(page)).toEqual(["Site search"]);
    await page.getByLabel("Search").fill("cookies");
    expect(await shownTitles(page)).toEqual(["Session cookies"]);
    expect(await shownCount(page)).toBe("1 of 8 docs");
    await page.context().close();
  });

  test("a header sorts by its column, again reverses; empty values stay last; keyboard works", async () => {
    const { page } = await open();
    const created = page.getByRole("button", { name: "Created" });
    await created.click();
    expect(await shownTitles(page)).toEqual([
      "Session cookies",
      "Nightly backups",
      "Short-lived auth tokens",
      "Per-client rate limits",
      "Site search",
      "Dark mode",
      "Dark mode",
      "docs/design/notes.md",
    ]);
    expect(
      await page.locator("th", { has: created }).getAttribute("aria-sort"),
    ).toBe("ascending");
    await created.click();
    expect(await shownTitles(page)).toEqual([
      "Dark mode",
      "Dark mode",
      "Site search",
      "Per-client rate limits",
      "Short-lived auth tokens",
      "Nightly backups",
      "Session cookies",
      "docs/design/notes.md",
    ]);
    expect(
      await page.locator("th", { has: created }).getAttribute("aria-sort"),
    ).toBe("descending");

    const status = page.getByRole("button", { name: "Status" });
    await status.focus();
    await page.keyboard.press("Enter");
    expect(await shownTitles(page)).toEqual([
      "Dark mode",
      "Per-client rate limits",
      "Dark mode",
      "Site search",
      "Short-lived auth tokens",
      "Nightly backups",
      "Session cookies",
      "docs/design/notes.md",
    ]);
    expect(
      await page.locator("th", { has: created }).getAttribute("aria-sort"),
    ).toBe("none");

    await page.getByLabel("Status").selectOption({ label: "In Review (3)" });
    await page.getByRole("button", { name: "Findings" }).click();
    await page.getByRole("button", { name: "Findings" }).click();
    expect(await shownTitles(page)).toEqual([
      "Per-client rate limits",
      "Dark mode",
      "Site search",
    ]);
    await page.context().close();
  });

  test("a resolved link scrolls to its doc's row and highlights it", async () => {
    const { page } = await open({ viewport: { width: 1280, height: 420 } });
    const inView = async (id: string) => {
      const box = await page.locator(`#${id}`).boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 420;
    };
    await page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
    expect(await inView("doc-1")).toBe(false);
    await page
      .locator("#doc-7")
      .getByRole("link", { name: "Short-lived auth tokens" })
      .click();
    expect(new URL(page.url()).hash).toBe("#doc-1");
    expect(await page.locator("tbody tr:target").getAttribute("id")).toBe(
      "doc-1",
    );
    expect(await inView("doc-1")).toBe(true);
    const background = (id: string) =>
      page.evaluate<string>(
        `getComputedStyle(document.getElementById("${id}")).backgroundColor`,
      );
    expect(await background("doc-1")).not.toBe(await background("doc-2"));
    await page.context().close();
  });

  test("a link to a row the filters hide clears them, then jumps", async () => {
    const { page } = await open();
    await page.getByLabel("Status").selectOption({ label: "Obsolete (1)" });
    expect(await shownTitles(page)).toEqual(["Session cookies"]);
    await page
      .locator("#doc-3")
      .getByRole("link", { name: "Short-lived auth tokens" })
      .click();
    expect(await page.locator("tbody tr:target").getAttribute("id")).toBe(
      "doc-1",
    );
    expect(await shownCount(page)).toBe("All 8 docs");
    expect(await page.getByLabel("Status").inputValue()).toBe("");

    mkdirSync("test-output", { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    process.stdout.write(`The index page's screenshot: ${SCREENSHOT}\n`);
    await page.context().close();
  });

  test("at 2,000 docs the filters, search and sort give the same answers", async () => {
    const { page, errors } = await open({}, largeUrl);
    expect(await shownCount(page)).toBe("All 2000 docs");
    await page.getByLabel("Status").selectOption({ label: "Approved (500)" });
    await page
      .getByLabel("Repository")
      .selectOption({ label: "acme/repo-02 (40)" });
    expect(await shownCount(page)).toBe("20 of 2000 docs");
    await page.getByLabel("Search").fill("doc-1");
    const titles = Array.from(
      { length: 10 },
      (_, at) => `Doc ${1002 + 100 * at}`,
    );
    expect(await shownTitles(page)).toEqual(titles);
    await page.getByRole("button", { name: "Title" }).click();
    await page.getByRole("button", { name: "Title" }).click();
    expect(await shownTitles(page)).toEqual(titles.reverse());
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("without JavaScript: every row, no controls, and links still jump to their rows", async () => {
    const { page } = await open({ javaScriptEnabled: false });
    expect(await page.locator("#filters").isVisible()).toBe(false);
    expect(await shownTitles(page)).toEqual(
      ACME_INDEX.docs.map((doc) => doc.title),
    );
    await page
      .locator("#doc-3")
      .getByRole("link", { name: "Short-lived auth tokens" })
      .click();
    expect(await page.locator("tbody tr:target").getAttribute("id")).toBe(
      "doc-1",
    );
    await page.context().close();
  });
});
