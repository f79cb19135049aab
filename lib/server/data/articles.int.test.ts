// The article write itself: an article and its suggestions are stored together or not at
// all, whatever kind of figure the extractor found.
import { describe, expect, it } from "vitest";
import { EXTRACTOR, type Suggestion } from "@/lib/extract";
import { normalizeText, textHash } from "@/lib/import/normalize";
import { db } from "@/lib/server/db";
import { createWorkspace, uniq } from "@/lib/server/testing/fixtures";
import { articles } from "./articles";

const suggestion = (text: string, valueText: string, fields: Partial<Suggestion>): Suggestion => {
  const start = text.indexOf(valueText);
  return {
    subject: "OpenAI", attribute: "funding_round_size", value: null, low: null, high: null, unit: "USD", valueText, counterparty: null,
    modality: null, basis: null, asOf: null, start, end: start + valueText.length, sentenceStart: 0, sentenceEnd: text.length, confidence: 0.9, ...fields,
  };
};

describe("articles.create", () => {
  it("stores an article with money, range and date suggestions (dates as the extractor gives them: ISO strings)", async () => {
    const ws = await createWorkspace("article-rows");
    const text = normalizeText(`OpenAI raised $110 billion in February 2026 at a valuation of $750-830 billion. Ref ${uniq()}.`);
    const suggestions = [
      suggestion(text, "$110 billion", { value: "110000000000" }),
      suggestion(text, "$750-830 billion", { attribute: "valuation_post_money", low: "750000000000", high: "830000000000" }),
      suggestion(text, "February 2026", { attribute: "date", unit: "date", value: "2026-02-01" }),
    ];
    const article = { workspaceId: ws.id, title: "Dates too", outlet: null, author: null, url: null, publishedAt: null, text, textHash: textHash(text), sourceKind: "paste", createdById: ws.users.researcher.id };

    const created = await articles.create(article, suggestions, EXTRACTOR).catch((error: unknown) => String(error));
    expect(typeof created === "string" ? created : null).toBeNull();
    const claims = await db.claim.findMany({ where: { workspaceId: ws.id }, orderBy: { start: "asc" }, select: { valueText: true, unit: true, start: true, end: true } });
    expect(claims.map((c) => [c.valueText, c.unit, text.slice(c.start, c.end)])).toEqual([
      ["$110 billion", "USD", "$110 billion"],
      ["February 2026", "date", "February 2026"],
      ["$750-830 billion", "USD", "$750-830 billion"],
    ]);
  });

  it("leaves no article behind when a suggestion cannot be stored", async () => {
    const ws = await createWorkspace("article-rollback");
    const text = normalizeText(`OpenAI raised $110 billion. Ref ${uniq()}.`);
    // Postgres refuses a NUL character in text, so the claim insert fails after the article insert.
    const bad = suggestion(text, "$110 billion", { value: "110000000000", subject: "Open\u0000AI" });
    const article = { workspaceId: ws.id, title: "Rolled back", outlet: null, author: null, url: null, publishedAt: null, text, textHash: textHash(text), sourceKind: "paste", createdById: ws.users.researcher.id };
    await expect(articles.create(article, [bad], EXTRACTOR)).rejects.toThrow();
    expect(await db.article.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id } })).toBe(0);
  });
});
