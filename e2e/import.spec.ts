import path from "node:path";
import { expect, test } from "@playwright/test";
import { demo, runId, signIn } from "./fixtures/accounts";
import { startLocalSite } from "./fixtures/local-site";

// Serial: the URL test finds the page the upload test imported already in the workspace.
test.describe.configure({ mode: "serial" });

const page1 = path.resolve("e2e/fixtures/pages/harbor-grid.html");

test("a researcher uploads a saved web page, checks the details read from it, and reads the article", async ({ page }) => {
  await signIn(page, demo.researcher);
  await page.getByRole("link", { name: "Import article" }).click();
  await page.getByRole("tab", { name: "Upload files" }).click();
  await page.getByLabel("Files", { exact: true }).setInputFiles(page1);
  await page.getByRole("button", { name: "Upload" }).click();

  // Metadata from the page is filled in for checking; nav, ads and scripts are gone from the text.
  await expect(page.getByLabel("Title")).toHaveValue("Harbor Grid lands $640 million to build battery plants");
  await expect(page.getByLabel("Outlet")).toHaveValue("The Coastal Ledger");
  await expect(page.getByLabel("Author")).toHaveValue("Priya Natarajan");
  await expect(page.getByLabel("Published")).toHaveValue("2026-04-14");
  const text = page.getByLabel("Text");
  await expect(text).toContainText("raised $640 million in a Series C funding round");
  await expect(text).not.toContainText("Refinance your boat");
  await expect(text).not.toContainText("trackingPixel");

  await page.getByLabel("Title").fill(`Harbor Grid raises $640 million (upload ${runId()})`);
  await page.getByRole("button", { name: "Import and extract claims" }).click();
  const article = page.getByRole("article", { name: "Article text" });
  await expect(article).toContainText("Tidewater Capital contributed $250 million");
  await expect(article.locator("mark", { hasText: "$640 million" })).toBeVisible();
});

test("a researcher imports a page by URL, through a redirect, and is told when the text is already there", async ({ page }) => {
  const site = await startLocalSite();
  try {
    await signIn(page, demo.researcher);
    await page.getByRole("link", { name: "Import article" }).click();
    await page.getByRole("tab", { name: "From a URL" }).click();
    await page.getByLabel("Page URL").fill(`${site.origin}/short-link`);
    await page.getByRole("button", { name: "Fetch" }).click();
    await expect(page.getByLabel("Title")).toHaveValue("Harbor Grid lands $640 million to build battery plants");
    // The previous test imported the same page: the same text is detected, not stored twice.
    await page.getByRole("button", { name: "Import and extract claims" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("already in the workspace");
    await page.getByRole("link", { name: "Open it" }).click();
    await expect(page.getByRole("article", { name: "Article text" })).toContainText("raised $640 million");

    // A URL that does not answer with a page gets a clear error.
    await page.goto("/w/demo/articles/new");
    await page.getByRole("tab", { name: "From a URL" }).click();
    await page.getByLabel("Page URL").fill(`${site.origin}/missing`);
    await page.getByRole("button", { name: "Fetch" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("404");
  } finally {
    await site.close();
  }
});

test("several files and a bulk JSONL import run in the background and report each failure", async ({ page }) => {
  const id = runId();
  await signIn(page, demo.researcher);
  await page.getByRole("link", { name: "Import article" }).click();
  await page.getByRole("tab", { name: "Upload files" }).click();
  await page.getByLabel("Files", { exact: true }).setInputFiles([
    { name: `first-${id}.txt`, mimeType: "text/plain", buffer: Buffer.from(`Orbit${id} Labs raised $12 million in seed funding on May 2, 2026.`) },
    { name: `second-${id}.md`, mimeType: "text/markdown", buffer: Buffer.from(`# Orbit${id} Labs expands\n\nOrbit${id} Labs now employs **140 people**, up 40% from last year.`) },
    { name: `empty-${id}.txt`, mimeType: "text/plain", buffer: Buffer.from("") },
  ]);
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("job-progress")).toHaveText("3 of 3 processed");
  await expect(page.getByText("2 imported")).toBeVisible();
  await expect(page.getByTestId("job-failure")).toContainText(`empty-${id}.txt`);

  await page.goto("/w/demo/articles/new");
  await page.getByRole("tab", { name: "Bulk JSONL" }).click();
  const lines = [
    JSON.stringify({ title: `Vela${id} closes round`, outlet: "Wire One", publishedAt: "2026-05-01", text: `Vela${id} Systems closed a $90 million round.` }),
    `{"title": "broken line", "text": `,
    JSON.stringify({ title: `Vela${id} valuation`, outlet: "Wire Two", publishedAt: "2026-05-03", html: `<p>Vela${id} Systems is now valued at $1.2 billion.</p>` }),
  ];
  await page.getByLabel("…or paste JSONL").fill(lines.join("\n"));
  await page.getByRole("button", { name: "Import in the background" }).click();
  await expect(page.getByTestId("job-progress")).toHaveText("3 of 3 processed");
  await expect(page.getByText("2 imported")).toBeVisible();
  await expect(page.getByTestId("job-failure")).toContainText("Line 2");

  await page.goto("/w/demo");
  await expect(page.getByRole("link", { name: `Vela${id} valuation` })).toBeVisible();
});
