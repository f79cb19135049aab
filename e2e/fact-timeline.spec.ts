import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, runId, signIn } from "./fixtures/accounts";
import { confirmFigure, importArticle, nav, roundReports } from "./fixtures/workspace";

// An editor resolves a fact whose sources disagree because the figure moved over time: the
// round was announced at one value and closed at another, and both were true at their time.
test.describe.configure({ mode: "serial" });

const id = runId();
const company = `Aurora${id} Robotics`;
const { announced, closed } = roundReports(company);

async function openFact(page: Page) {
  await nav(page, "Facts").click();
  await page.getByTestId("fact-row").filter({ hasText: company }).getByRole("link").click();
  await expect(page.getByTestId("fact-claim").first()).toBeVisible();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("a researcher confirms two figures for the same round", async ({ page }) => {
  await signIn(page, demo.researcher);
  await importArticle(page, announced);
  await confirmFigure(page, "$2 billion");
  await nav(page, "Articles").click();
  await importArticle(page, closed);
  await confirmFigure(page, "$2.5 billion");
  await openFact(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("conflicting");
  // The suggested explanation links to the claims it rests on.
  const evidence = page.getByTestId("explanation").first().getByTestId("explanation-evidence");
  await expect(evidence).toContainText("Example Wire");
  await expect(evidence).toContainText("Sample Times");
});

test("an editor resolves the fact to two values over time and sees the timeline", async ({ page }) => {
  await signIn(page, demo.editor);
  await openFact(page);
  const form = page.getByRole("form", { name: "Resolve this fact" });
  await form.getByRole("radio", { name: "Values over time" }).check();

  // The rows start from the computed timeline: one per value, dated by publication.
  const rows = form.getByTestId("timeline-row");
  await expect(rows).toHaveCount(2);
  await expect(form.getByLabel("Value 1", { exact: true })).toHaveValue("2000000000");
  await expect(form.getByLabel("As of value 1")).toHaveValue("2026-05-04");
  await expect(form.getByLabel("Value 2", { exact: true })).toHaveValue("2500000000");
  await expect(rows.nth(1)).toContainText("Reads as $2.5 billion.");
  await form.getByText("Rank claims yourself (optional)").click();
  await expect(form.getByTestId("rank-claim")).toHaveCount(2);
  await expectNoAxeViolations(page);

  // A timeline of one value is refused, with the reason next to the form.
  await rows.nth(1).getByRole("button", { name: "Remove value 2" }).click();
  await form.getByLabel("Rationale").fill("Announced at $2 billion in May; the round closed larger in June.");
  await form.getByRole("button", { name: "Accept timeline" }).click();
  await expect(form.getByRole("alert").first()).toContainText("at least two values");

  // Start again from the computed rows, set the stages, and accept.
  await form.getByRole("button", { name: "Start again from the computed timeline" }).click();
  await expect(rows).toHaveCount(2);
  await form.getByLabel("Stage of value 1").selectOption("announced");
  await form.getByLabel("Stage of value 2").selectOption("completed");
  await form.getByRole("button", { name: "Accept timeline" }).click();

  const resolution = page.getByRole("region", { name: "Resolution", exact: true });
  const entries = resolution.getByTestId("accepted-timeline-entry");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText("$2 billion");
  await expect(entries.nth(0)).toContainText("announced");
  await expect(entries.nth(0)).toContainText("4 May 2026");
  await expect(entries.nth(1)).toContainText("$2.5 billion");
  await expect(entries.nth(1)).toContainText("completed");
  await expect(entries.nth(1)).toContainText("10 Jun 2026");
  await expect(page.getByTestId("accepted-value")).toHaveText("$2.5 billion");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("resolved");

  // The history keeps the timeline with who accepted it.
  const history = page.getByTestId("resolution-history-entry");
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText("Eddie Editor");
  await expect(history.first().getByTestId("accepted-timeline-entry")).toHaveCount(2);
  await expectNoAxeViolations(page);

  // The facts list shows the accepted timeline in place of the raw values.
  await nav(page, "Facts").click();
  const row = page.getByTestId("fact-row").filter({ hasText: company });
  await expect(row).toContainText("resolved");
  await expect(row.getByTestId("accepted-timeline-entry")).toHaveCount(2);
  await expect(row.getByTestId("accepted-timeline")).toContainText("completed");
});

test("the fact page fits a 375 px wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, demo.editor);
  await page.goto("/w/demo/facts");
  await page.getByTestId("fact-row").filter({ hasText: company }).getByRole("link").click();
  await expect(page.getByRole("region", { name: "Resolution", exact: true }).getByTestId("accepted-timeline")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
