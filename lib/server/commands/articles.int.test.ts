// Importing an article: what is stored, what the extractor suggests, duplicates, and input
// that is refused without leaving anything behind.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { auditEventsFor, createWorkspace, OPENAI_SENTENCE, plainText, uniq, workspaceState, type TestWorkspace } from "@/lib/server/testing/fixtures";
import { importArticle } from "./articles";

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createWorkspace("articles");
});

const articleCount = () => db.article.count({ where: { workspaceId: ws.id } });

describe("importArticle", () => {
  it("stores the normalized text and the metadata", async () => {
    const tail = uniq();
    // BOM, CRLF, a non-breaking space, a zero-width space, runs of spaces and blank lines, edges.
    const raw = `  \uFEFFAnthropic raised\u00A0$30 billion  \r\n\r\n\r\n\r\nThe  round, ref ${tail},\u200B was led by GIC.   \n\t`;
    const expected = `Anthropic raised $30 billion\n\nThe round, ref ${tail}, was led by GIC.`;
    const result = await importArticle(ws.actors.researcher, {
      workspaceId: ws.id, title: "  Anthropic round  ", outlet: "Example Wire", author: "", url: "https://example.com/anthropic", publishedAt: "2026-02-12", text: raw,
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;

    const article = await db.article.findUniqueOrThrow({ where: { id: result.data.articleId } });
    expect(article).toMatchObject({
      workspaceId: ws.id, title: "Anthropic round", outlet: "Example Wire", author: null, url: "https://example.com/anthropic",
      text: expected, createdById: ws.users.researcher.id, sourceKind: "paste",
    });
    expect(article.publishedAt?.toISOString()).toBe("2026-02-12T00:00:00.000Z");
    expect(await auditEventsFor("article", article.id)).toEqual([
      expect.objectContaining({ workspaceId: ws.id, actorId: ws.users.researcher.id, action: "article.imported", targetType: "article", targetId: article.id }),
    ]);
  });

  const withAndWithoutDate: [string, Record<string, string>][] = [
    ["without metadata", {}],
    ["with a published date", { publishedAt: "2026-02-27" }],
  ];
  it.each(withAndWithoutDate)("suggests claims anchored to the stored text for the OpenAI funding sentence, %s", async (_, metadata) => {
    const text = `${OPENAI_SENTENCE}\n\nReference ${uniq()}.`;
    const result = await importArticle(ws.actors.researcher, { workspaceId: ws.id, title: "OpenAI round", ...metadata, text });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;

    const claims = await db.claim.findMany({ where: { articleId: result.data.articleId }, select: { start: true, end: true, valueText: true, status: true, workspaceId: true } });
    expect(result.data.suggestions).toBe(claims.length);
    for (const claim of claims) {
      expect(claim).toMatchObject({ status: "suggested", workspaceId: ws.id });
      expect(0 <= claim.start && claim.start < claim.end && claim.end <= text.length, `span ${claim.start}-${claim.end}`).toBe(true);
    }
    expect(claims.some((c) => text.slice(c.start, c.end) === c.valueText), JSON.stringify(claims)).toBe(true);
  });

  it("refuses the same text again, even with different spacing, and points at the first copy", async () => {
    const tail = uniq();
    const text = `Anthropic raised $30 billion.\nThe filing, ref ${tail}, was public.`;
    const first = await importArticle(ws.actors.researcher, { workspaceId: ws.id, title: "First copy", text });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    if (!first.ok) return;
    const before = await workspaceState(ws.id);

    const respaced = `\n  Anthropic  raised\u00A0$30 billion.\r\n\r\nThe filing,   ref ${tail}, was public.  `;
    const second = await importArticle(ws.actors.editor, { workspaceId: ws.id, title: "Second copy", text: respaced });
    expect(second).toMatchObject({ ok: false, code: "conflict", details: { articleId: first.data.articleId } });
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it("keeps the same text apart in different workspaces", async () => {
    const other = await createWorkspace("articles-other");
    const text = plainText();
    const a = await importArticle(ws.actors.researcher, { workspaceId: ws.id, title: "Here", text });
    const b = await importArticle(other.actors.researcher, { workspaceId: other.id, title: "There", text });
    expect(a.ok && b.ok, JSON.stringify([a, b])).toBe(true);
    if (a.ok && b.ok) expect(a.data.articleId).not.toBe(b.data.articleId);
  });

  const invalid: [string, Record<string, unknown>][] = [
    ["empty text", { text: "" }],
    ["whitespace-only text", { text: "  \n\t\r\n \u00A0\u200B  " }],
    ["a URL without http(s)", { url: "ftp://example.com/file" }],
    ["a URL that is not one", { url: "not a url" }],
    ["a date in another format", { publishedAt: "27/02/2026" }],
    ["a month that does not exist", { publishedAt: "2026-13-01" }],
    ["a day that does not exist", { publishedAt: "2026-02-30" }],
    ["no title", { title: "   " }],
  ];
  it.each(invalid)(`refuses %s with "invalid_input" and leaves no article`, async (_, fields) => {
    const before = await workspaceState(ws.id);
    const count = await articleCount();
    const result = await importArticle(ws.actors.researcher, { workspaceId: ws.id, title: "Valid title", text: plainText(), ...fields });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await articleCount()).toBe(count);
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it("does not crash on text with NUL characters: it stores them removed or refuses the text", async () => {
    const before = await articleCount();
    const text = `${plainText()}\u0000 Text copied out of a PDF.`;
    const result = await importArticle(ws.actors.researcher, { workspaceId: ws.id, title: "From a PDF", text }).catch((error: unknown) => ({
      ok: false as const, code: "threw", message: String(error),
    }));
    if (result.ok) {
      const article = await db.article.findUniqueOrThrow({ where: { id: result.data.articleId }, select: { text: true } });
      expect(article.text).not.toContain("\u0000");
    } else {
      expect(result.code, result.message).toBe("invalid_input");
      expect(await articleCount()).toBe(before);
    }
  });
});
