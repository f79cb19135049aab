// Deciding on a claim: a confirmation anchors a citation to the exact words and files the
// claim under its fact; a decision made on a stale version is refused; the fact's state
// follows the confirmed values of every article.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  auditEventsFor, createWorkspace, importFixtureArticle, insertArticle, insertClaim, OPENAI_SENTENCE, uniq, unwrap, workspaceState, type TestWorkspace,
} from "@/lib/server/testing/fixtures";
import { decideClaim } from "./claims";

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createWorkspace("claims");
});

const confirm = (actor: { userId: string }, claim: { id: string; version: number }) =>
  decideClaim(actor, { workspaceId: ws.id, claimId: claim.id, decision: "confirm", version: claim.version });

/** A subject no other test in this file uses, so each test gets its own facts. */
const freshSubject = () => `Orbital ${uniq()}`;

describe("decideClaim", () => {
  it("confirming anchors a citation to an exact quote that holds the figure, with up to 32 characters of context, and files the claim under a fact", async () => {
    const subject = freshSubject();
    const text =
      `Markets were calm on Friday morning before the announcement came. ${subject} said it raised $110 billion from a group of investors. ` +
      `Several people familiar with the matter confirmed the figure on Friday, and the company declined to comment further.`;
    const article = await insertArticle(ws.id, text);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value: "110000000000", valueText: "$110 billion" });

    const result = await confirm(ws.actors.researcher, claim);
    expect(result).toMatchObject({ ok: true, data: { claimId: claim.id, status: "confirmed", version: 2 } });
    if (!result.ok) return;

    const citations = await db.citation.findMany({ where: { claimId: claim.id } });
    expect(citations).toHaveLength(1);
    const citation = citations[0]!;
    expect(citation).toMatchObject({ articleId: article.id, orphaned: false, createdById: ws.users.researcher.id });
    // The quote is exactly the article's words at the stored position, and holds the figure.
    expect(citation.exact).toBe(text.slice(citation.start, citation.end));
    expect(citation.start).toBeLessThanOrEqual(claim.start);
    expect(citation.end).toBeGreaterThanOrEqual(claim.end);
    expect(citation.exact).toContain("$110 billion");
    // Context: the 32 characters on either side (there are more than 32 here).
    expect(citation.prefix).toBe(text.slice(citation.start - 32, citation.start));
    expect(citation.suffix).toBe(text.slice(citation.end, citation.end + 32));
    expect(citation.prefix).toHaveLength(32);
    expect(citation.suffix).toHaveLength(32);

    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, version: true, factId: true, reviewedById: true, reviewedAt: true } });
    expect(stored).toMatchObject({ status: "confirmed", version: 2, factId: result.data.factId, reviewedById: ws.users.researcher.id });
    expect(stored.reviewedAt).not.toBeNull();
    const fact = await db.fact.findUniqueOrThrow({ where: { id: stored.factId! } });
    expect(fact).toMatchObject({ workspaceId: ws.id, subject, subjectKey: subject.toLowerCase(), attribute: "funding_round_size", unit: "USD", state: "agreed" });

    expect(await auditEventsFor("claim", claim.id)).toEqual([
      expect.objectContaining({ workspaceId: ws.id, actorId: ws.users.researcher.id, action: "claim.confirmed", data: { factId: fact.id } }),
    ]);
  });

  it("keeps the context short where the quote starts or ends the text", async () => {
    const subject = freshSubject();
    const text = `$4 billion went to ${subject}.`;
    const article = await insertArticle(ws.id, text);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value: "4000000000", valueText: "$4 billion" });
    unwrap(await confirm(ws.actors.researcher, claim));
    const citation = await db.citation.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(citation).toMatchObject({ start: 0, prefix: "" });
    expect(citation.exact).toBe(text.slice(0, citation.end));
    expect(citation.exact).toContain("$4 billion");
    expect(citation.suffix).toBe(text.slice(citation.end));
  });

  it("confirms a suggestion the extractor made on import, quoting the article's words", async () => {
    const imported = await importFixtureArticle(ws.id, ws.actors.researcher, { text: `${OPENAI_SENTENCE} Reference ${uniq()}.`, publishedAt: "2026-02-27" });
    const suggestions = await db.claim.findMany({ where: { articleId: imported.articleId }, select: { id: true, version: true, start: true, end: true, valueText: true } });
    const suggestion = suggestions.find((c) => imported.text.slice(c.start, c.end) === c.valueText);
    expect(suggestion, JSON.stringify(suggestions)).toBeDefined();
    if (!suggestion) return;

    const decided = unwrap(await confirm(ws.actors.researcher, suggestion));
    expect(decided.factId).not.toBeNull();
    const citation = await db.citation.findFirstOrThrow({ where: { claimId: suggestion.id } });
    expect(citation.exact).toBe(imported.text.slice(citation.start, citation.end));
    expect(citation.exact).toContain(suggestion.valueText);
  });

  it("refuses a second decision made on the version both people saw, and keeps the first", async () => {
    const subject = freshSubject();
    const article = await insertArticle(ws.id, `${subject} is valued at $300 billion.`);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "valuation_post_money", value: "300000000000", valueText: "$300 billion" });

    const first = await confirm(ws.actors.researcher, claim);
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const after = await workspaceState(ws.id);

    // The editor opened the claim at version 1 too, and rejects it now.
    const second = await decideClaim(ws.actors.editor, { workspaceId: ws.id, claimId: claim.id, decision: "reject", version: claim.version });
    expect(second).toMatchObject({ ok: false, code: "conflict", details: { status: "confirmed", version: 2 } });
    expect(await workspaceState(ws.id)).toEqual(after);
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, reviewedById: true } });
    expect(stored).toEqual({ status: "confirmed", reviewedById: ws.users.researcher.id });
    expect(await db.citation.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous decisions on the same version win", async () => {
    const subject = freshSubject();
    const article = await insertArticle(ws.id, `${subject} is valued at $500 billion.`);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "valuation_post_money", value: "500000000000", valueText: "$500 billion" });
    const [a, b] = await Promise.all([
      decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, decision: "confirm", version: 1 }),
      decideClaim(ws.actors.editor, { workspaceId: ws.id, claimId: claim.id, decision: "reject", version: 1 }),
    ]);
    const winners = [a, b].filter((r) => r.ok);
    expect(winners, JSON.stringify([a, b])).toHaveLength(1);
    expect([a, b].filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "conflict" })]);
    const winner = winners[0]!.ok ? winners[0]!.data : null;
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, version: true } });
    expect(stored).toEqual({ status: winner?.status, version: 2 });
    expect(await db.citation.count({ where: { claimId: claim.id } })).toBe(winner?.status === "confirmed" ? 1 : 0);
    expect(await auditEventsFor("claim", claim.id)).toHaveLength(1);
  });

  it("makes a fact conflicting when two articles confirm different values, and agreed again when one is rejected", async () => {
    const subject = freshSubject();
    const a = await insertArticle(ws.id, `${subject} raised $110 billion, the company said.`);
    const b = await insertArticle(ws.id, `People familiar said ${subject} raised $100 billion.`);
    const ca = await insertClaim(ws.id, a, { subject, attribute: "funding_round_size", value: "110000000000", valueText: "$110 billion" });
    const cb = await insertClaim(ws.id, b, { subject, attribute: "funding_round_size", value: "100000000000", valueText: "$100 billion" });

    const ra = unwrap(await confirm(ws.actors.researcher, ca));
    expect(await db.fact.findUniqueOrThrow({ where: { id: ra.factId! }, select: { state: true } })).toEqual({ state: "agreed" });
    const rb = unwrap(await confirm(ws.actors.researcher, cb));
    expect(rb.factId).toBe(ra.factId);
    expect(await db.fact.findUniqueOrThrow({ where: { id: ra.factId! }, select: { state: true } })).toEqual({ state: "conflicting" });

    const rejected = unwrap(await decideClaim(ws.actors.editor, { workspaceId: ws.id, claimId: cb.id, decision: "reject", version: rb.version }));
    expect(rejected).toMatchObject({ status: "rejected", factId: null });
    expect(await db.claim.findUniqueOrThrow({ where: { id: cb.id }, select: { status: true, factId: true } })).toEqual({ status: "rejected", factId: null });
    expect(await db.fact.findUniqueOrThrow({ where: { id: ra.factId! }, select: { state: true } })).toEqual({ state: "agreed" });
  });

  it("makes a fact agreed when two articles confirm the same value in different words", async () => {
    const subject = freshSubject();
    const a = await insertArticle(ws.id, `${subject} raised $110 billion in February.`);
    const b = await insertArticle(ws.id, `${subject} closed a 110 billion dollar round.`);
    const ca = await insertClaim(ws.id, a, { subject, attribute: "funding_round_size", value: "110000000000", valueText: "$110 billion" });
    const cb = await insertClaim(ws.id, b, { subject, attribute: "funding_round_size", value: "110000000000.00", valueText: "110 billion dollar" });
    const ra = unwrap(await confirm(ws.actors.researcher, ca));
    const rb = unwrap(await confirm(ws.actors.editor, cb));
    expect(rb.factId).toBe(ra.factId);
    const fact = await db.fact.findUniqueOrThrow({ where: { id: ra.factId! }, select: { state: true, _count: { select: { claims: true } } } });
    expect(fact).toEqual({ state: "agreed", _count: { claims: 2 } });
  });

  it("files claims about different investors under different facts", async () => {
    const subject = freshSubject();
    const text = `${subject} took $50 billion from Amazon and $30 billion from Nvidia.`;
    const article = await insertArticle(ws.id, text);
    const amazon = await insertClaim(ws.id, article, { subject, attribute: "investment_amount", value: "50000000000", valueText: "$50 billion", counterparty: "Amazon" });
    const nvidia = await insertClaim(ws.id, article, { subject, attribute: "investment_amount", value: "30000000000", valueText: "$30 billion", counterparty: "Nvidia" });
    const ra = unwrap(await confirm(ws.actors.researcher, amazon));
    const rb = unwrap(await confirm(ws.actors.researcher, nvidia));
    expect(ra.factId).not.toBe(rb.factId);
    const states = await db.fact.findMany({ where: { id: { in: [ra.factId!, rb.factId!] } }, select: { state: true } });
    expect(states).toEqual([{ state: "agreed" }, { state: "agreed" }]);
  });

  it("rejecting a suggestion writes no citation and no fact", async () => {
    const subject = freshSubject();
    const article = await insertArticle(ws.id, `${subject} may be worth $9 billion.`);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "valuation_post_money", value: "9000000000", valueText: "$9 billion" });
    const result = unwrap(await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, decision: "reject", version: 1 }));
    expect(result).toMatchObject({ status: "rejected", factId: null, version: 2 });
    expect(await db.citation.count({ where: { claimId: claim.id } })).toBe(0);
    expect(await db.fact.count({ where: { workspaceId: ws.id, subject } })).toBe(0);
  });

  it(`answers "not_found" for a claim that belongs to another workspace`, async () => {
    const other = await createWorkspace("claims-other");
    const subject = freshSubject();
    const article = await insertArticle(other.id, `${subject} raised $2 billion.`);
    const claim = await insertClaim(other.id, article, { subject, attribute: "funding_round_size", value: "2000000000", valueText: "$2 billion" });
    const before = await workspaceState(other.id);
    // A researcher of this workspace names the other workspace's claim under their own workspace.
    const result = await confirm(ws.actors.researcher, claim);
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await workspaceState(other.id)).toEqual(before);
  });
});
