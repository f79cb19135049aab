import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { demo, signIn } from "./fixtures/accounts";
import { anonymousPage, nav } from "./fixtures/workspace";

// Two app instances against one Postgres behave as one: an editor changes things through the
// instance the tests use (A), and a reader reads through a second instance (B), started here
// from the same build. B keeps its own copy of the reader page, yet sees A's changes with
// its very next request.
test.describe.configure({ mode: "serial" });

const otherPort = Number(process.env.E2E_PORT || 3200) + 1;
const otherUrl = `http://localhost:${otherPort}`;
let other: ChildProcess | undefined;

test.beforeAll(async () => {
  other = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env: {
      ...process.env, NODE_ENV: "production", DATABASE_URL: process.env.E2E_DATABASE_URL, PORT: String(otherPort), RUN_WORKER: "0",
      NEXTAUTH_SECRET: "e2e-only-secret-not-used-anywhere-else-0123456789", NEXTAUTH_URL: otherUrl, PUBLIC_BASE_URL: otherUrl,
    },
    stdio: "ignore",
  });
  await expect.poll(async () => (await fetch(`${otherUrl}/login`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
});

test.afterAll(() => {
  other?.kill("SIGTERM");
});

test("a reader on another instance sees a setting changed and a link revoked through this one at once", async ({ page, browser }) => {
  await signIn(page, demo.editor);
  await nav(page, "Briefs").click();
  await page.getByRole("link", { name: "How big was OpenAI’s 2026 funding round?" }).click();
  await page.getByLabel("Shows").selectOption("1");
  await page.getByRole("button", { name: "Create share link" }).click();
  const href = (await page.getByTestId("new-share-link").getAttribute("href")) ?? "";
  const onOther = `${otherUrl}/b/${href.split("/b/")[1]}`;

  const { page: reader, close } = await anonymousPage(browser);
  try {
    expect((await reader.goto(onOther))?.status()).toBe(200);
    const cached = await reader.goto(onOther);
    expect(cached?.headers()["x-reader-cache"]).toBe("hit");
    await expect(reader.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

    // Instance A lets search engines in: B re-renders on the next request.
    // The box follows the saved setting, so it changes once the action answers: click, then wait.
    const indexing = page.getByLabel(/Let search engines index/);
    await indexing.click();
    await expect(indexing).toBeEnabled();
    await expect(indexing).toBeChecked();
    const changed = await reader.goto(onOther);
    expect(changed?.headers()["x-reader-cache"]).toBe("miss");
    await expect(reader.locator('meta[name="robots"]')).toHaveAttribute("content", /^index/);
    await indexing.click();
    await expect(indexing).toBeEnabled();
    await expect(indexing).not.toBeChecked();

    // Instance A revokes the link: B answers 404 at once, though it had a copy.
    await reader.goto(onOther);
    expect((await reader.goto(onOther))?.headers()["x-reader-cache"]).toBe("hit");
    const row = page.getByTestId("share-link-row").filter({ hasText: "pinned to version 1" });
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(row.getByText("revoked")).toBeVisible();
    const revoked = await reader.goto(onOther);
    expect(revoked?.status()).toBe(404);
    await expect(reader.getByRole("heading", { name: "Not found" })).toBeVisible();
  } finally {
    await close();
  }
});
