// Deciding on a claim: a confirmation anchors a citation to the exact words and files the
// claim under its fact; a decision made on a stale version is refused; the fact's state
// follows the confirmed values of every article.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  auditEventsFor, createWorkspace, importFixtureArticle, insertArticle, insertClaim, OPENAI_SENTENCE, uniq, unwrap, workspaceState, type TestWorkspace,
} from "@/lib/server/testing/fixtures";
import { addClaim, decideClaim, editClaim, suggestFromSelection } from "./claims";

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

describe("editClaim", () => {
  const fields = (subject: string, over: Record<string, unknown> = {}) => ({
    subject, attribute: "funding_round_size", value: "110000000000", low: "", high: "", unit: "USD", counterparty: "", modality: "", basis: "", asOf: "", ...over,
  });

  it("saves a researcher's edit, marks the claim edited and records the changed fields", async () => {
    const subject = freshSubject();
    const article = await insertArticle(ws.id, `${subject} raised $110 billion.`);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "valuation", value: "110000000000", valueText: "$110 billion" });
    const result = unwrap(await editClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, version: 1, ...fields(subject, { value: "110,000,000,000.0", modality: "completed" }) }));
    expect(result).toMatchObject({ claimId: claim.id, version: 2, factId: null });
    expect(result.changed.sort()).toEqual(["attribute", "modality"]);
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { attribute: true, value: true, modality: true, edited: true, version: true, status: true } });
    expect(stored).toEqual({ attribute: "funding_round_size", value: "110000000000", modality: "completed", edited: true, version: 2, status: "suggested" });
    expect(await auditEventsFor("claim", claim.id)).toEqual([
      expect.objectContaining({ actorId: ws.users.researcher.id, action: "claim.edited", data: { changed: result.changed } }),
    ]);
  });

  it("moves a confirmed claim to the fact its new subject answers, and recomputes the old fact", async () => {
    const subject = freshSubject();
    const a = await insertArticle(ws.id, `${subject} raised $110 billion.`);
    const b = await insertArticle(ws.id, `${subject} raised $100 billion.`);
    const ca = await insertClaim(ws.id, a, { subject, attribute: "funding_round_size", value: "110000000000", valueText: "$110 billion" });
    const cb = await insertClaim(ws.id, b, { subject, attribute: "funding_round_size", value: "100000000000", valueText: "$100 billion" });
    const ra = unwrap(await confirm(ws.actors.researcher, ca));
    const rb = unwrap(await confirm(ws.actors.researcher, cb));
    expect(await db.fact.findUniqueOrThrow({ where: { id: ra.factId! }, select: { state: true } })).toEqual({ state: "conflicting" });

    const other = freshSubject();
    const edited = unwrap(await editClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: cb.id, version: rb.version, ...fields(other, { value: "100000000000" }) }));
    expect(edited.factId).not.toBe(ra.factId);
    const moved = await db.fact.findUniqueOrThrow({ where: { id: edited.factId! }, select: { subject: true, state: true } });
    expect(moved).toEqual({ subject: other, state: "agreed" });
    expect(await db.fact.findUniqueOrThrow({ where: { id: ra.factId! }, select: { state: true } })).toEqual({ state: "agreed" });
  });

  it("treats saving an unchanged claim as no edit: nothing written", async () => {
    const subject = freshSubject();
    const article = await insertArticle(ws.id, `${subject} raised $8 billion.`);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value: "8000000000", valueText: "$8 billion" });
    const before = await workspaceState(ws.id);
    const result = unwrap(await editClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, version: 1, ...fields(subject, { value: "8000000000" }) }));
    expect(result).toMatchObject({ version: 1, changed: [] });
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it(`refuses a viewer with "forbidden" and writes nothing`, async () => {
    const subject = freshSubject();
    const article = await insertArticle(ws.id, `${subject} raised $7 billion.`);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value: "7000000000", valueText: "$7 billion" });
    const before = await workspaceState(ws.id);
    const result = await editClaim(ws.actors.viewer, { workspaceId: ws.id, claimId: claim.id, version: 1, ...fields(subject, { value: "8000000000" }) });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await workspaceState(ws.id)).toEqual(before);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { value: true, edited: true } })).toEqual({ value: "7000000000", edited: false });
  });

  it(`answers "conflict" with the current state for an edit made on a stale version`, async () => {
    const subject = freshSubject();
    const article = await insertArticle(ws.id, `${subject} raised $6 billion.`);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value: "6000000000", valueText: "$6 billion" });
    unwrap(await confirm(ws.actors.editor, claim));
    const before = await workspaceState(ws.id);
    const result = await editClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, version: 1, ...fields(subject, { value: "6500000000" }) });
    expect(result).toMatchObject({ ok: false, code: "conflict", details: { status: "confirmed", version: 2 } });
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it(`answers "invalid_input" naming the field for a value that is not a number`, async () => {
    const subject = freshSubject();
    const article = await insertArticle(ws.id, `${subject} raised $5 billion.`);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value: "5000000000", valueText: "$5 billion" });
    const result = await editClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, version: 1, ...fields(subject, { value: "five billion" }) });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", message: "Enter a number like 122000000000 or 1.5", details: { fields: { value: "Enter a number like 122000000000 or 1.5" } } });
    const badDate = await editClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, version: 1, ...fields(subject, { unit: "date", value: "2026-02-30" }) });
    expect(badDate).toMatchObject({ ok: false, code: "invalid_input", details: { fields: { value: "Enter a date like 2026-02-27" } } });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { value: true, edited: true, version: true } })).toEqual({ value: "5000000000", edited: false, version: 1 });
  });
});

describe("addClaim", () => {
  it("creates a confirmed hand-made claim cited by the selected words, filed under its fact", async () => {
    const subject = freshSubject();
    // The extractor reads only the selected words: a plain company name lets it find the subject.
    const text = `Markets were calm on Friday. Orbital raised $12 billion from investors, the company said on Friday afternoon. Reference ${uniq()}.`;
    const article = await insertArticle(ws.id, text);
    const selectionStart = text.indexOf("Orbital raised");
    const selectionEnd = text.indexOf(" from investors");

    const suggestion = unwrap(await suggestFromSelection(ws.actors.researcher, { workspaceId: ws.id, articleId: article.id, selectionStart, selectionEnd }));
    expect(suggestion).toMatchObject({ subject: "Orbital", value: "12000000000", unit: "USD" });
    // Offsets of the figure are the article's own, not the selection's.
    expect(text.slice(suggestion.start!, suggestion.end!)).toBe("$12 billion");

    const added = unwrap(await addClaim(ws.actors.researcher, {
      workspaceId: ws.id, articleId: article.id, selectionStart, selectionEnd, start: suggestion.start, end: suggestion.end,
      subject, attribute: "funding_round_size", value: suggestion.value, low: "", high: "", unit: "USD", counterparty: "", modality: "", basis: "", asOf: "",
    }));
    const claim = await db.claim.findUniqueOrThrow({ where: { id: added.claimId } });
    expect(claim).toMatchObject({
      status: "confirmed", createdById: ws.users.researcher.id, reviewedById: ws.users.researcher.id, extractor: "manual", extractorVersion: "1",
      valueText: "$12 billion", factId: added.factId, subject, value: "12000000000",
    });
    const citations = await db.citation.findMany({ where: { claimId: added.claimId } });
    expect(citations).toHaveLength(1);
    const citation = citations[0]!;
    expect(citation).toMatchObject({ start: selectionStart, end: selectionEnd, createdById: ws.users.researcher.id, articleId: article.id });
    expect(citation.exact).toBe(text.slice(citation.start, citation.end));
    expect(citation.prefix).toBe(text.slice(Math.max(0, citation.start - 32), citation.start));
    expect(citation.suffix).toBe(text.slice(citation.end, citation.end + 32));
    expect(await db.fact.findUniqueOrThrow({ where: { id: added.factId }, select: { state: true, subject: true } })).toEqual({ state: "agreed", subject });
    expect(await auditEventsFor("claim", added.claimId)).toEqual([expect.objectContaining({ action: "claim.added", actorId: ws.users.researcher.id })]);
  });

  it(`refuses a viewer with "forbidden" and writes nothing`, async () => {
    const subject = freshSubject();
    const text = `${subject} raised $3 billion.`;
    const article = await insertArticle(ws.id, text);
    const before = await workspaceState(ws.id);
    const result = await addClaim(ws.actors.viewer, {
      workspaceId: ws.id, articleId: article.id, selectionStart: 0, selectionEnd: text.length,
      subject, attribute: "funding_round_size", value: "3000000000", unit: "USD",
    });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await workspaceState(ws.id)).toEqual(before);
  });
});
