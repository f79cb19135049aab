import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { demo, signIn } from "./fixtures/accounts";

test("a wrong password gets a clear error and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demo.researcher.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await page.goto("/w/demo");
  await expect(page).toHaveURL(/\/login/);
});

test("a viewer can read but is refused an import", async ({ page }) => {
  await signIn(page, demo.viewer);
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import article" })).toHaveCount(0);
  await page.goto("/w/demo/articles/new");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("not import articles");
  await expect(page.getByLabel("Text")).toHaveCount(0);
});

test("a signed-out visitor is sent to sign in, and a made-up share token finds nothing", async ({ page }) => {
  await page.goto("/w/demo/facts");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  const response = await page.goto(`/b/${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
});

test("the demo brief that npm start prints opens for a signed-out reader", async ({ page }) => {
  const token = fs.readFileSync(".data/e2e-demo-share-link", "utf8").trim();
  await page.goto(`/b/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("footnote").first()).toBeVisible();
  await expect(page.getByTestId("footnote").first().locator("blockquote").first()).toBeVisible();
});
