import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, runId, signIn } from "./fixtures/accounts";
import { expectSaved, newBrief } from "./fixtures/briefs";
import { confirmFigure, importArticle, nav } from "./fixtures/workspace";

// Issue 7, the brief workflow: an editor cites a fact through the searchable picker (by
// keyboard) and sends the brief for review; a researcher comments on the statement; the
// editor is warned about the open comment, resolves it and publishes. Then two sessions edit
// the same brief at once: the later save is stopped with who changed it, and nothing is lost.
test.describe.configure({ mode: "serial" });

const id = runId();
const company = `Lumen${id} Robotics`;
const title = `${company}: the round, for review`;
const statement = `${company} raised $300 million in its funding round.`;
const remark = "Which outlet reported the $300 million? Name it in the sentence.";
let briefUrl = "";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("a researcher imports a report and confirms its figure", async ({ page }) => {
  await signIn(page, demo.researcher);
  await importArticle(page, {
    title: `${company} raises $300 million`, outlet: "Example Wire", publishedAt: "2026-04-02",
    text: `${company} said on Thursday it had raised $300 million in a funding round. The company builds warehouse robots.`,
  });
  await confirmFigure(page, "$300 million");
});

test("an editor finds a fact by typing, cites it with the keyboard and sends the brief for review", async ({ page }) => {
  await signIn(page, demo.editor);
  await newBrief(page, title, statement);

  const picker = page.getByRole("combobox", { name: "Cite a fact in statement 1" });
  await picker.focus();
  await picker.pressSequentially(`lumen${id} funding`);
  const option = page.getByRole("option", { name: new RegExp(company) });
  await expect(option).toHaveCount(1);
  await expect(option).toContainText("$300 million");
  await expect(option).toContainText("agreed");
  await expect(page.getByRole("listbox")).toBeVisible();
  await picker.press("ArrowDown");
  await picker.press("ArrowUp");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(picker).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await expectNoAxeViolations(page);
  await picker.press("Enter");

  const cited = page.getByTestId("statement").first().getByTestId("cited-fact");
  await expect(cited).toContainText(`${company} · Funding round size: $300 million`);
  await expect(picker).toHaveValue("");
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  // A search that finds nothing says so, and Escape closes the list.
  await picker.pressSequentially("no such company anywhere");
  await expect(page.getByText("No fact matches “no such company anywhere”.")).toBeVisible();
  await picker.press("Escape");
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await picker.fill("");

  await expectSaved(page);
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Sent for review.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Brief editor" }).getByText("in review", { exact: true })).toBeVisible();
  briefUrl = page.url();
});

test("a researcher comments on the statement; the list shows the brief in review with the open comment", async ({ page }) => {
  await signIn(page, demo.researcher);
  await page.goto(briefUrl);
  await expect(page.getByText(statement)).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await page.getByLabel("Comment on statement 1", { exact: true }).fill(remark);
  await page.getByRole("button", { name: "Add comment on statement 1" }).click();
  const comment = page.getByTestId("review-comment");
  await expect(comment).toContainText(remark);
  await expect(comment).toContainText("Rita Researcher");
  await expect(comment).toContainText("open");
  await expect(page.getByTestId("open-comments")).toHaveText("1 open comment");
  await expectNoAxeViolations(page);

  await nav(page, "Briefs").click();
  await page.getByRole("navigation", { name: "Filter briefs by status" }).getByRole("link", { name: "In review" }).click();
  await expect(page).toHaveURL(/status=in_review/);
  const row = page.getByTestId("brief-row").filter({ hasText: title });
  await expect(row.getByTestId("brief-status")).toHaveText("in review");
  await expect(row.getByTestId("brief-open-comments")).toHaveText("1 open comment");
  await page.getByRole("link", { name: "Published", exact: true }).click();
  await expect(page.getByTestId("brief-row").filter({ hasText: title })).toHaveCount(0);
});

test("the editor is warned about the open comment, resolves it and publishes", async ({ page }) => {
  await signIn(page, demo.editor);
  await page.goto(briefUrl);
  const comment = page.getByTestId("review-comment");
  await expect(comment).toContainText(remark);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("open-comments-warning")).toContainText("1 review comment is still open");
  await expect(page.getByText(/Published version/)).toHaveCount(0);

  await comment.getByRole("button", { name: /^Resolve comment by Rita Researcher/ }).click();
  await expect(comment).toContainText("Resolved by Eddie Editor");
  await expect(page.getByTestId("open-comments")).toHaveCount(0);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Brief editor" }).getByText("published", { exact: true })).toBeVisible();
});

test("two sessions edit one brief: the later save is stopped, names who changed it, and loses nothing", async ({ page, browser }) => {
  await signIn(page, demo.editor);
  await page.goto(briefUrl);
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, demo.owner);
  await owner.goto(briefUrl);
  await expect(owner.getByLabel("Statement 1", { exact: true })).toHaveValue(statement);
  await expect(page.getByLabel("Statement 1", { exact: true })).toHaveValue(statement);

  const theirs = `${company} raised $300 million, Example Wire reported.`;
  const mine = `${company} raised $300 million from new investors.`;
  await owner.getByLabel("Statement 1", { exact: true }).fill(theirs);
  await expectSaved(owner);

  await page.getByLabel("Statement 1", { exact: true }).fill(mine);
  const conflict = page.getByTestId("save-conflict");
  await expect(conflict).toContainText(/This brief was changed by Olivia Owner at \d\d?:\d\d/);
  await expect(page.getByTestId("save-state")).toHaveText("Not saved: changed elsewhere");

  // Load theirs: their text in the editor, mine still on screen to copy.
  await conflict.getByRole("button", { name: "Load their version" }).click();
  await expect(page.getByLabel("Statement 1", { exact: true })).toHaveValue(theirs);
  await expect(page.getByLabel("Your text, not saved: copy what you need")).toHaveValue(new RegExp(mine.replace(/[$.]/g, "\\$&")));
  await page.getByLabel("Statement 1", { exact: true }).fill(`${theirs} It builds warehouse robots.`);
  await expectSaved(page);

  // The owner's next save is now the stale one; they overwrite knowingly.
  await owner.getByLabel("Statement 1", { exact: true }).fill(`${theirs} (owner's final)`);
  const ownerConflict = owner.getByTestId("save-conflict");
  await expect(ownerConflict).toContainText("This brief was changed by Eddie Editor");
  await ownerConflict.getByRole("button", { name: "Overwrite with mine" }).click();
  await expectSaved(owner);
  await page.reload();
  await expect(page.getByLabel("Statement 1", { exact: true })).toHaveValue(`${theirs} (owner's final)`);
  await owner.context().close();
});

test("leaving with unsaved changes asks first, and staying loses nothing", async ({ page }) => {
  await signIn(page, demo.editor);
  await page.goto(briefUrl);
  const box = page.getByLabel("Statement 1", { exact: true });
  await expect(box).toBeVisible();
  const before = await box.inputValue();

  // A link inside the app, within the autosave's second: the editor is asked, and stays.
  await box.click();
  await box.press("End");
  await box.pressSequentially(" Staying.");
  const asked = page.waitForEvent("dialog").then(async (dialog) => {
    const message = dialog.message();
    await dialog.dismiss();
    return message;
  });
  await nav(page, "Briefs").click();
  expect(await asked).toContain("not saved yet");
  await expect(page).toHaveURL(briefUrl);
  await expect(box).toHaveValue(`${before} Staying.`);
  await expectSaved(page);

  // Closing the tab with a change not yet saved: the browser asks before unloading.
  await box.pressSequentially(" Closing.");
  const unload = page.waitForEvent("dialog").then(async (dialog) => {
    const type = dialog.type();
    await dialog.dismiss();
    return type;
  });
  await page.close({ runBeforeUnload: true });
  expect(await unload).toBe("beforeunload");
  expect(page.isClosed()).toBe(false);
  await expectSaved(page);
  await page.reload();
  await expect(box).toHaveValue(`${before} Staying. Closing.`);
});

test("the editor page fits a 375 px wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, demo.editor);
  await page.goto(briefUrl);
  await expect(page.getByTestId("review-comment")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
