import { expect, test } from "@playwright/test";
import { demo, runId, signIn } from "./fixtures/accounts";
import { citeFact, newBrief } from "./fixtures/briefs";
import { anonymousPage, confirmFigure, importArticle, nav, roundReports } from "./fixtures/workspace";

// The whole flow as three people: a researcher imports and confirms, an editor resolves,
// writes, publishes and shares, and a signed-out reader follows a statement to its quote.
test.describe.configure({ mode: "serial" });

const id = runId();
const company = `Zephyr${id} Robotics`;
const { announced: first, closed: second } = roundReports(company);

let shareUrl = "";

test("a researcher imports two articles and confirms the figures they disagree on", async ({ page }) => {
  await signIn(page, demo.researcher);
  await importArticle(page, first);
  // The suggested figure is highlighted in the text at its exact words.
  await expect(page.getByRole("article", { name: "Article text" }).locator("mark", { hasText: "$2 billion" })).toBeVisible();
  await confirmFigure(page, "$2 billion");

  await nav(page, "Articles").click();
  await importArticle(page, second);
  await confirmFigure(page, "$2.5 billion");

  await nav(page, "Facts").click();
  const fact = page.getByTestId("fact-row").filter({ hasText: company });
  await expect(fact).toContainText("$2 billion");
  await expect(fact).toContainText("$2.5 billion");
  await expect(fact).toContainText("conflicting");
  // A researcher sees the evidence but cannot resolve.
  await fact.getByRole("link").click();
  await expect(page.getByTestId("fact-claim")).toHaveCount(2);
  await expect(page.getByRole("form", { name: "Resolve this fact" })).toHaveCount(0);
});

test("an editor resolves the conflict, publishes a brief and shares it", async ({ page }) => {
  await signIn(page, demo.editor);
  await nav(page, "Facts").click();
  await page.getByTestId("fact-row").filter({ hasText: company }).getByRole("link").click();
  await page.getByRole("radio", { name: /\$2\.5 billion/ }).check();
  await page.getByLabel("Rationale").fill("The later report describes the round as closed; the first figure was reported before the close.");
  await page.getByRole("button", { name: "Mark preferred" }).click();
  await expect(page.getByTestId("accepted-value")).toHaveText("$2.5 billion");

  await newBrief(page, `${company}: the round`, `${company} closed its funding round at $2.5 billion.`);
  await citeFact(page, 1, company, new RegExp(company));
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1.")).toBeVisible();

  await page.getByRole("button", { name: "Create share link" }).click();
  const link = page.getByTestId("new-share-link");
  await expect(link).toBeVisible();
  shareUrl = (await link.getAttribute("href")) ?? "";
  expect(shareUrl).toMatch(/\/b\/[A-Za-z0-9_-]{43}$/);
});

test("a signed-out reader follows the statement to the source's words", async ({ browser }) => {
  const { page, close } = await anonymousPage(browser);
  await page.goto(shareUrl);
  await expect(page.getByRole("heading", { name: `${company}: the round` })).toBeVisible();
  await expect(page.getByText(`${company} closed its funding round at $2.5 billion.`)).toBeVisible();
  await page.getByRole("link", { name: "[1]" }).click();
  const footnote = page.getByTestId("footnote").first();
  await expect(footnote).toContainText("$2.5 billion");
  await expect(footnote).toContainText("Sample Times");
  await expect(footnote).toContainText("10 Jun 2026");
  await expect(footnote.locator("blockquote")).toContainText("$2.5 billion");
  // The deprecated figure's source is not offered as evidence.
  await expect(footnote).not.toContainText("Example Wire");
  await close();
});

test("a revoked link stops working at once", async ({ page, browser }) => {
  const { page: reader, close } = await anonymousPage(browser);
  // The page is cached: a second request is answered from the copy.
  await reader.goto(shareUrl);
  expect((await reader.goto(shareUrl))?.headers()["x-reader-cache"]).toBe("hit");

  await signIn(page, demo.editor);
  await nav(page, "Briefs").click();
  await page.getByRole("link", { name: `${company}: the round` }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("share-link-row").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("share-link-row").getByText("revoked")).toBeVisible();

  const response = await reader.goto(shareUrl);
  expect(response?.status()).toBe(404);
  await expect(reader.getByRole("heading", { name: "Not found" })).toBeVisible();
  await close();
});

test("a newly confirmed claim that contradicts the resolution reopens the fact", async ({ page }) => {
  await signIn(page, demo.researcher);
  await importArticle(page, {
    title: `${company} round revised`,
    outlet: "Third Herald",
    publishedAt: "2026-07-01",
    text: `${company} said its funding round had grown to $3.1 billion after a late extension.`,
  });
  await confirmFigure(page, "$3.1 billion");
  await nav(page, "Facts").click();
  const fact = page.getByTestId("fact-row").filter({ hasText: company });
  await expect(fact).toContainText("conflicting");
  await expect(fact).toContainText("reopened");
  await fact.getByRole("link").click();
  // The page explains the disagreement and lays the values out in time.
  await expect(page.getByTestId("timeline-entry")).toHaveCount(3);
  const explanation = page.getByTestId("explanation").first();
  await expect(explanation).toBeVisible();
  // The researcher settles the suggested explanation; it is kept with their name.
  await explanation.getByRole("button", { name: /Accept|Save/ }).click();
  await expect(explanation.getByTestId("explanation-decided")).toContainText("Rita Researcher settled on");

  // The brief that cites the reopened fact is marked stale until the fact is resolved again.
  await nav(page, "Briefs").click();
  const brief = page.getByRole("listitem").filter({ hasText: `${company}: the round` });
  await expect(brief.getByTestId("brief-stale")).toContainText("stale: a cited fact was reopened");
});
