import { expect, test } from "@playwright/test";
import { demo, signIn } from "./fixtures/accounts";

const SEED_TITLE = "Q1 2026 GenAI funding: a record, and a distortion";

test("a researcher reviews a seed article's claims entirely by keyboard, with undo", async ({ page }) => {
  await signIn(page, demo.researcher);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Review", exact: true }).click();
  await page.getByLabel("Article").selectOption({ label: SEED_TITLE });
  await page.getByLabel("Sort").selectOption("position");
  await page.getByRole("button", { name: "Apply" }).click();

  const rows = page.getByTestId("queue-claim");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(2);
  await expect(rows.first()).toHaveAttribute("aria-current", "true");

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("?");

  // Reject the first, then undo: it is a suggestion again and has focus.
  await page.keyboard.press("r");
  await expect(rows.nth(0).getByText("rejected", { exact: true })).toBeVisible();
  await expect(rows.nth(1)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("u");
  await expect(rows.nth(0).getByText("suggested", { exact: true })).toBeVisible();
  await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");

  // Confirm the first two, reject the third, move with j/k, then confirm the rest.
  await page.keyboard.press("a");
  await expect(rows.nth(0).getByText("confirmed", { exact: true })).toBeVisible();
  await page.keyboard.press("a");
  await expect(rows.nth(1).getByText("confirmed", { exact: true })).toBeVisible();
  await page.keyboard.press("r");
  await expect(rows.nth(2).getByText("rejected", { exact: true })).toBeVisible();
  await page.keyboard.press("k");
  await page.keyboard.press("j");
  for (let i = 3; i < count; i++) {
    await expect(rows.nth(i)).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("a");
    await expect(rows.nth(i).getByText("confirmed", { exact: true })).toBeVisible();
  }

  // Every decision was saved: the article has nothing left to review.
  await expect(page.getByTestId("save-state")).toHaveText("All decisions saved.");
  await page.getByLabel("Status").selectOption("suggested");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Nothing to review here.")).toBeVisible();
  await page.getByLabel("Status").selectOption("rejected");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows).toHaveCount(1);
});

test("when two people decide the same claim, the second is told and nothing is overwritten", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, demo.researcher);
  await signIn(b, demo.editor);
  for (const page of [a, b]) {
    await page.getByRole("link", { name: "OpenAI Secures Record-Breaking $120B Funding" }).click();
    await expect(page.getByTestId("claim").first()).toBeVisible();
  }
  const id = await a.getByTestId("claim").filter({ hasText: "suggested" }).first().getAttribute("data-claim-id");
  const claimA = a.locator(`[data-claim-id="${id}"]`);
  const claimB = b.locator(`[data-claim-id="${id}"]`);
  await claimA.getByRole("button", { name: /^Confirm/ }).click();
  await expect(claimA.getByText("confirmed", { exact: true })).toBeVisible();

  await claimB.getByRole("button", { name: /^Reject/ }).click();
  await expect(b.getByRole("main").getByRole("alert")).toContainText("Someone else decided on this claim in the meantime; it is now confirmed");
  await expect(claimB.getByText("confirmed", { exact: true })).toBeVisible();
  await b.reload();
  await expect(b.locator(`[data-claim-id="${id}"]`).getByText("confirmed", { exact: true })).toBeVisible();
  await first.close();
  await second.close();
});
