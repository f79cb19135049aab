import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./fixtures/accounts";

// The article reader and the review queue are where researchers spend their hours: no axe
// violations, and usable on a 375 px wide phone without sideways scrolling.

async function openReader(page: Page) {
  await page.getByRole("link", { name: "OpenAI Secures Record-Breaking $120B Funding" }).click();
  await expect(page.getByTestId("claim").first()).toBeVisible();
}

async function openQueue(page: Page) {
  await page.goto("/w/demo/review");
  await expect(page.getByTestId("queue-claim").first()).toBeVisible();
}

for (const [name, open] of [["article reader", openReader], ["review queue", openQueue]] as const) {
  test(`the ${name} has no axe violations`, async ({ page }) => {
    await signIn(page, demo.researcher);
    await open(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });

  test(`the ${name} fits a 375 px wide screen`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, demo.researcher);
    await open(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
