import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { demo, runId, signIn } from "./fixtures/accounts";
import { citeFact, newBrief } from "./fixtures/briefs";
import { anonymousPage, confirmFigure, importArticle, nav } from "./fixtures/workspace";

// Issue 7 end to end: an editor publishes version 1 over an unresolved conflict (with a note
// to readers), resolves the fact and publishes version 2; a signed-out reader sees version 2
// with the correction noted and the evidence one click away; expired and revoked links
// answer 404; and a reader's token opens nothing but that one brief.
test.describe.configure({ mode: "serial" });

const id = runId();
const company = `Quasar${id} Labs`;
const title = `${company}: how big was the round?`;
const articles = [
  {
    title: `${company} raises $2 billion`, outlet: "Example Wire", publishedAt: "2026-05-04",
    text: `${company} said on Monday it had raised $2 billion in a funding round led by existing investors. The company plans to hire.`,
  },
  {
    title: `${company} closes a bigger round`, outlet: "Sample Times", publishedAt: "2026-06-10",
    text: `${company} has closed a $2.5 billion funding round, more than first reported. Its chief executive said the money would pay for new labs.`,
  },
];
const v1Text = `${company} raised between $2 billion and $2.5 billion.`;
const v2Text = `${company} closed its funding round at $2.5 billion.`;
const NOTE = "Reports disagree on the size of the round; we will update this brief when it closes.";

let briefUrl = "";
let shareUrl = "";
let expiringUrl = "";

test("a researcher imports two reports that disagree and confirms both figures", async ({ page }) => {
  await signIn(page, demo.researcher);
  for (const [i, article] of articles.entries()) {
    if (i > 0) await nav(page, "Articles").click();
    await importArticle(page, article);
    await confirmFigure(page, i === 0 ? "$2 billion" : "$2.5 billion");
  }
});

test("an editor may publish over the conflict only with a note to readers, then shares the brief", async ({ page }) => {
  await signIn(page, demo.editor);
  await newBrief(page, title, v1Text);
  await citeFact(page, 1, company, new RegExp(company));
  await page.getByRole("button", { name: "Publish", exact: true }).click();

  // Refused: the cited fact is conflicting.
  const held = page.getByTestId("publish-blockers");
  await expect(held).toContainText(company);
  await expect(held).toContainText("sources disagree");
  await expect(page.getByText(/Published version/)).toHaveCount(0);
  await page.getByLabel("Note to readers").fill(NOTE);
  await page.getByRole("button", { name: "Publish with this note" }).click();
  await expect(page.getByText("Published version 1, with your note to readers.")).toBeVisible();
  briefUrl = page.url();

  await page.getByRole("button", { name: "Create share link" }).click();
  shareUrl = (await page.getByTestId("new-share-link").getAttribute("href")) ?? "";
  expect(shareUrl).toMatch(/\/b\/[A-Za-z0-9_-]{43}$/);

  await page.getByLabel("Link expires").selectOption("1");
  await page.getByRole("button", { name: "Create share link" }).click();
  await expect(page.getByTestId("new-share-link")).not.toHaveAttribute("href", shareUrl);
  expiringUrl = (await page.getByTestId("new-share-link").getAttribute("href")) ?? "";
  expect(expiringUrl).toMatch(/\/b\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("share-link-row")).toHaveCount(2);
});

test("a reader of version 1 sees the editor's note and both figures", async ({ browser }) => {
  const { page, close } = await anonymousPage(browser);
  await page.goto(shareUrl);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("reader-version")).toContainText("version 1");
  await expect(page.getByTestId("override-note")).toContainText(NOTE);
  await expect(page.getByTestId("footnote").first()).toContainText("$2 billion or $2.5 billion");
  await close();
});

test("the editor resolves the fact, publishes version 2 and compares it with version 1", async ({ page }) => {
  await signIn(page, demo.editor);
  await nav(page, "Facts").click();
  await page.getByTestId("fact-row").filter({ hasText: company }).getByRole("link").click();
  await page.getByRole("radio", { name: /\$2\.5 billion/ }).check();
  await page.getByLabel("Rationale").fill("The later report describes the round as closed; the first figure came before the close.");
  await page.getByRole("button", { name: "Mark preferred" }).click();
  await expect(page.getByTestId("accepted-value")).toHaveText("$2.5 billion");

  await page.goto(briefUrl);
  await page.getByLabel("Statement 1", { exact: true }).fill(v2Text);
  await page.getByLabel(/What changed/).fill("The round closed at $2.5 billion.");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published version 2.")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("version-row")).toHaveCount(2);
  const compare = page.getByRole("form", { name: "Compare versions" });
  await compare.getByLabel("Compare version").selectOption("1");
  await compare.getByLabel("with version").selectOption("2");
  await compare.getByRole("button", { name: "Compare" }).click();
  const diff = page.getByTestId("version-diff");
  await expect(diff).toContainText(`Changed “${v1Text}” to “${v2Text}”`);
  await expect(diff).toContainText("$2 billion or $2.5 billion → $2.5 billion");
});

test("a signed-out reader sees version 2 with the correction noted and the evidence a click away", async ({ browser }) => {
  const { page, close } = await anonymousPage(browser);
  const response = await page.goto(shareUrl);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("reader-version")).toContainText("version 2");
  await expect(page.locator("p", { hasText: v2Text }).first()).toBeVisible();
  await expect(page.getByText(v1Text, { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("override-note")).toHaveCount(0);

  const correction = page.getByTestId("correction");
  await expect(correction).toHaveCount(1);
  await expect(correction).toContainText("Version 2");
  await expect(correction).toContainText("The round closed at $2.5 billion.");
  await expect(correction).toContainText(`Changed “${v1Text}” to “${v2Text}”`);

  await page.getByRole("link", { name: "[1]" }).click();
  const footnote = page.getByTestId("footnote").first();
  await expect(footnote.locator("blockquote").first()).toBeVisible();
  await expect(footnote).not.toContainText("Example Wire");
  await footnote.getByText(/^The evidence/).click();
  const card = footnote.getByTestId("footnote-card");
  await expect(card.getByTestId("footnote-value")).toHaveText("$2.5 billion");
  await expect(card).toContainText("Accepted value");
  await expect(card).toContainText("Independent sources");
  await expect(card).toContainText("the first figure came before the close");
  await expect(footnote).toContainText("Sample Times");
  await expect(footnote).toContainText("10 Jun 2026");

  // Kept out of search engines by default; structured data and Open Graph for the rest.
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as { hasPart: { "@type": string; itemReviewed: { about?: { "@type": string; value: number } } }[] };
  expect(ld.hasPart[0]).toMatchObject({ "@type": "ClaimReview", itemReviewed: { about: { "@type": "QuantitativeValue", value: 2500000000 } } });
  await close();
});

test("a reader's token opens nothing but its brief", async ({ browser }) => {
  const { page, close } = await anonymousPage(browser);
  const token = shareUrl.split("/b/")[1]!;
  const briefId = new URL(briefUrl).pathname.split("/").pop()!;
  const response = await page.goto(shareUrl);
  const html = (await response?.text()) ?? "";
  for (const secret of [briefId, "/w/demo", "demo.corroborate.test", articles[0]!.text]) expect(html).not.toContain(secret);

  // The workspace, the brief's editor page and its exports stay closed to the reader.
  await page.goto(briefUrl);
  await expect(page).toHaveURL(/\/login/);
  const exported = await page.request.get(`/api/briefs/${briefId}/export?workspace=x&version=1&format=markdown`);
  expect(exported.status()).toBe(401);
  // A token one character off, one too long, or with a path after it finds nothing.
  const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
  for (const other of [`/b/${flipped}`, `/b/${token}x`, `/b/${token}/versions`]) {
    expect((await page.goto(other))?.status(), other).toBe(404);
  }
  await close();
});

test("the editor sees the views, and expired and revoked links answer 404", async ({ page, browser }) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  const hashOf = (url: string) => createHash("sha256").update(url.split("/b/")[1]!).digest("hex");
  const views = async (url: string) => Number((await client.query(`SELECT "viewCount" FROM "ShareLink" WHERE "tokenHash" = $1`, [hashOf(url)])).rows[0]?.viewCount);
  // A browser of its own: earlier tests' readers, from the same address, were counted today.
  const { page: reader, close } = await anonymousPage(browser, { userAgent: "Mozilla/5.0 (X11; Linux x86_64) Corroborate-e2e-views" });
  try {
    // The page comes from the reader cache (earlier tests opened it), yet opening it in a
    // browser counts the view.
    const before = await views(shareUrl);
    const opened = await reader.goto(shareUrl);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()["x-reader-cache"]).toBe("hit");
    await expect(reader.getByTestId("reader-version")).toContainText("version 2");
    await expect.poll(() => views(shareUrl)).toBe(before + 1);
    // The same reader again, or replaying the beacon, counts once a day.
    await reader.reload();
    await expect(reader.getByTestId("reader-version")).toContainText("version 2");
    const replayed = await reader.evaluate(async (token) => (await fetch("/api/share-views", { method: "POST", body: token })).status, shareUrl.split("/b/")[1]!);
    expect(replayed).toBe(204);
    expect(await views(shareUrl)).toBe(before + 1);

    await signIn(page, demo.editor);
    await page.goto(briefUrl);
    await expect(page.getByTestId("share-link-views").last()).toContainText(/[1-9]\d* views?/);

    // The expiring link works until its expiry passes.
    expect((await reader.goto(expiringUrl))?.status()).toBe(200);
    const updated = await client.query(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [hashOf(expiringUrl)]);
    expect(updated.rowCount).toBe(1);
    expect((await reader.goto(expiringUrl))?.status()).toBe(404);

    // Revoking the other takes effect at once, though its page was cached a moment ago.
    expect((await reader.goto(shareUrl))?.headers()["x-reader-cache"]).toBe("hit");
    await page.reload();
    await expect(page.getByTestId("share-link-row").filter({ hasText: "expired" })).toHaveCount(1);
    const live = page.getByTestId("share-link-row").filter({ has: page.getByRole("button", { name: "Revoke" }) });
    await expect(live).toHaveCount(1);
    page.once("dialog", (dialog) => void dialog.accept());
    await live.getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByTestId("share-link-row").filter({ hasText: "no expiry" }).getByText("revoked")).toBeVisible();
    const revoked = await reader.goto(shareUrl);
    expect(revoked?.status()).toBe(404);
    await expect(reader.getByRole("heading", { name: "Not found" })).toBeVisible();
    // A revoked link counts no more views.
    const afterRevoke = await views(shareUrl);
    const beacon = await reader.request.post("/api/share-views", { data: shareUrl.split("/b/")[1]!, headers: { "content-type": "text/plain" } });
    expect(beacon.status()).toBe(204);
    expect(await views(shareUrl)).toBe(afterRevoke);
  } finally {
    await close();
    await client.end();
  }
});
