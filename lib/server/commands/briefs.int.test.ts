// Writing and publishing briefs: optimistic saves, facts only from this workspace, numbered
// immutable versions whose snapshot carries the source quotes and nothing private.
import { beforeAll, describe, expect, it } from "vitest";
import type { BriefSnapshot } from "@/lib/briefs/snapshot";
import { db } from "@/lib/server/db";
import {
  addMemberRow, auditEventsFor, briefContent, confirmedClaim, createWorkspace, insertArticle, insertClaim, uniq, unwrap, workspaceState, type TestWorkspace,
} from "@/lib/server/testing/fixtures";
import { briefs as briefData } from "@/lib/server/data/briefs";
import {
  addBriefComment, createBrief, createShareLink, draftBriefFromFacts, exportBriefVersion, publishBrief, resolveBriefComment, returnBriefToDraft, saveBrief,
  searchBriefFacts, sendBriefForReview, setBriefIndexing, type BriefConflict,
} from "./briefs";
import { decideClaim } from "./claims";
import { resolveFact } from "./facts";

let ws: TestWorkspace;
let subject: string;
let factId: string;
let claimId: string;
let articleText: string;
let quote: { start: number; end: number };

beforeAll(async () => {
  ws = await createWorkspace("briefs");
  subject = `Nimbus ${uniq()}`;
  articleText = `After weeks of talks, ${subject} said on Friday that it had raised $110 billion from investors led by Amazon, Nvidia and SoftBank.`;
  const article = await insertArticle(ws.id, articleText, {
    title: "Nimbus closes its round", outlet: "Example Wire", author: "Ada Reporter", url: "https://example.com/nimbus", publishedAt: new Date("2026-02-27T00:00:00Z"),
  });
  const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value: "110000000000", valueText: "$110 billion" });
  const decided = unwrap(await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, decision: "confirm", version: 1 }));
  factId = decided.factId!;
  claimId = claim.id;
  quote = { start: claim.start, end: claim.end };
});

async function newBrief(title = `Brief ${uniq()}`) {
  return unwrap(await createBrief(ws.actors.editor, { workspaceId: ws.id, title })).briefId;
}

const save = (briefId: string, version: number, content: ReturnType<typeof briefContent>, title = "How big was the round?") =>
  saveBrief(ws.actors.editor, { workspaceId: ws.id, briefId, title, content, version });

const briefRow = (id: string) => db.brief.findUniqueOrThrow({ where: { id }, select: { title: true, content: true, status: true, version: true, latestVersionNumber: true } });

describe("createBrief and saveBrief", () => {
  it("creates an empty draft at version 1", async () => {
    const briefId = await newBrief("An empty brief");
    expect(await briefRow(briefId)).toMatchObject({ title: "An empty brief", status: "draft", version: 1, latestVersionNumber: 0 });
  });

  it("saves at the version read, and refuses a save made on a stale version without losing the first", async () => {
    const briefId = await newBrief();
    const mine = briefContent([{ text: `${subject} raised $110 billion.`, factIds: [factId] }]);
    expect(await save(briefId, 1, mine)).toMatchObject({ ok: true, data: { version: 2 } });
    const after = await workspaceState(ws.id);

    const theirs = briefContent([{ text: "A different opening written in another tab.", factIds: [] }]);
    const stale = await save(briefId, 1, theirs, "Their title");
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await workspaceState(ws.id)).toEqual(after);
    expect(await briefRow(briefId)).toMatchObject({ title: "How big was the round?", content: mine, version: 2 });
    expect((await auditEventsFor("brief", briefId)).map((e) => e.action)).toEqual(["brief.created", "brief.saved"]);
  });

  it(`refuses a statement citing a fact of another workspace, or no fact at all, with "invalid_input"`, async () => {
    const other = await createWorkspace("briefs-other");
    const foreign = await confirmedClaim(other.id, other.actors.researcher, `${subject} raised $3 billion.`, {
      subject, attribute: "funding_round_size", value: "3000000000", valueText: "$3 billion",
    });
    const briefId = await newBrief();
    const before = await workspaceState(ws.id);
    for (const cited of [[factId, foreign.factId], ["c0000000000000000000000000"]]) {
      const result = await save(briefId, 1, briefContent([{ text: "A statement that cites evidence.", factIds: cited }]));
      expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    }
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it(`answers "not_found" for a brief that belongs to another workspace`, async () => {
    const other = await createWorkspace("briefs-elsewhere");
    const theirs = unwrap(await createBrief(other.actors.editor, { workspaceId: other.id, title: "Theirs" })).briefId;
    const before = await workspaceState(other.id);
    const result = await save(theirs, 1, briefContent([{ text: "Overwritten by a stranger.", factIds: [] }]));
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await workspaceState(other.id)).toEqual(before);
  });
});

describe("publishBrief", () => {
  it(`refuses to publish a brief without statements with "invalid_state"`, async () => {
    const briefId = await newBrief();
    const result = await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: 1 });
    expect(result).toMatchObject({ ok: false, code: "invalid_state" });
    expect(await db.briefVersion.count({ where: { briefId } })).toBe(0);
    expect(await briefRow(briefId)).toMatchObject({ status: "draft", latestVersionNumber: 0, version: 1 });
  });

  it("writes numbered, immutable versions whose footnotes quote the source", async () => {
    const briefId = await newBrief();
    const first = briefContent([
      { text: `${subject} raised $110 billion.`, factIds: [factId] },
      { text: "Amazon, Nvidia and SoftBank led it.", factIds: [factId] },
    ]);
    const { version } = unwrap(await save(briefId, 1, first, "Round size"));
    expect(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version })).toMatchObject({ ok: true, data: { number: 1 } });
    expect(await briefRow(briefId)).toMatchObject({ status: "published", latestVersionNumber: 1 });

    const v1 = await db.briefVersion.findUniqueOrThrow({ where: { briefId_number: { briefId, number: 1 } } });
    expect(v1).toMatchObject({ title: "Round size", publishedById: ws.users.editor.id });
    const snapshot = v1.snapshot as unknown as BriefSnapshot;
    expect(snapshot.sections[0]?.statements).toEqual([
      { text: `${subject} raised $110 billion.`, footnotes: [1] },
      { text: "Amazon, Nvidia and SoftBank led it.", footnotes: [1] },
    ]);
    expect(snapshot.footnotes).toHaveLength(1);
    const footnote = snapshot.footnotes[0]!;
    expect(footnote).toMatchObject({ n: 1, subject, state: "agreed" });
    expect(footnote.value).toContain("110");
    const citation = await db.citation.findFirstOrThrow({ where: { claimId }, select: { exact: true, prefix: true, suffix: true, start: true, end: true } });
    expect(citation.exact).toBe(articleText.slice(citation.start, citation.end));
    expect(citation.exact).toContain(articleText.slice(quote.start, quote.end));
    expect(footnote.sources).toEqual([
      expect.objectContaining({
        quote: citation.exact,
        prefix: citation.prefix,
        suffix: citation.suffix,
        valueText: "$110 billion",
        title: "Nimbus closes its round",
        outlet: "Example Wire",
        url: "https://example.com/nimbus",
        publishedAt: "2026-02-27",
      }),
    ]);

    // A stale publish is refused; an edit starts a new draft; publishing again writes version 2.
    expect(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version })).toMatchObject({ ok: false, code: "conflict" });
    const current = (await briefRow(briefId)).version;
    const second = briefContent([{ text: `${subject} closed a $110 billion round.`, factIds: [factId] }]);
    const saved = unwrap(await save(briefId, current, second, "Round size, updated"));
    expect(await briefRow(briefId)).toMatchObject({ status: "draft", latestVersionNumber: 1 });
    expect(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: saved.version })).toMatchObject({ ok: true, data: { number: 2 } });

    const versions = await db.briefVersion.findMany({ where: { briefId }, orderBy: { number: "asc" }, select: { number: true, title: true, snapshot: true } });
    expect(versions.map((v) => [v.number, v.title])).toEqual([[1, "Round size"], [2, "Round size, updated"]]);
    expect(versions[0]?.snapshot).toEqual(v1.snapshot);
    expect((versions[1]?.snapshot as unknown as BriefSnapshot).sections[0]?.statements[0]?.text).toBe(`${subject} closed a $110 billion round.`);
    expect((await auditEventsFor("brief", briefId)).filter((e) => e.action === "brief.published").map((e) => (e.data as { number: number }).number)).toEqual([1, 2]);
  });

  it("keeps workspace ids, record ids and emails out of the published snapshot", async () => {
    const briefId = await newBrief();
    const { version } = unwrap(await save(briefId, 1, briefContent([{ text: `${subject} raised $110 billion.`, factIds: [factId] }])));
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version }));
    const { snapshot } = await db.briefVersion.findUniqueOrThrow({ where: { briefId_number: { briefId, number: 1 } }, select: { snapshot: true } });
    const serialized = JSON.stringify(snapshot);

    expect(serialized).toContain("$110 billion");
    const article = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { articleId: true } });
    const privateValues = [
      ws.id, ws.slug, briefId, factId, claimId, article.articleId,
      ...Object.values(ws.users).flatMap((u) => [u.id, u.email]),
    ];
    for (const value of privateValues) expect(serialized).not.toContain(value);
    expect(serialized).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i);
  });
});

/** Two confirmed claims about one fact that disagree: the fact is "conflicting". */
async function conflictingFact(label = "Orion") {
  const who = `${label} ${uniq()}`;
  const early = await confirmedClaim(ws.id, ws.actors.researcher, `${who} raised $100 billion, people familiar said.`, {
    subject: who, attribute: "funding_round_size", value: "100000000000", valueText: "$100 billion",
  });
  const late = await confirmedClaim(ws.id, ws.actors.researcher, `${who} closed a $122 billion round on Tuesday.`, {
    subject: who, attribute: "funding_round_size", value: "122000000000", valueText: "$122 billion",
  });
  expect(early.factId).toBe(late.factId);
  expect(await db.fact.findUniqueOrThrow({ where: { id: late.factId }, select: { state: true } })).toEqual({ state: "conflicting" });
  return { subject: who, factId: late.factId, earlyClaimId: early.claimId, lateClaimId: late.claimId };
}

async function draftCiting(factIds: string[], text = "The round was $122 billion.") {
  const briefId = await newBrief();
  const { version } = unwrap(await save(briefId, 1, briefContent([{ text, factIds }])));
  return { briefId, version };
}

const NOTE = "The close is confirmed by the company; one early report still differs.";

describe("publishBrief, held back by unsettled facts", () => {
  it(`refuses while a cited fact is conflicting, naming it, with "invalid_state" and nothing written`, async () => {
    const fact = await conflictingFact();
    const { briefId, version } = await draftCiting([fact.factId, factId]);
    const before = await workspaceState(ws.id);
    for (const note of [undefined, "", "too short"]) {
      const result = await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version, ...(note != null ? { overrideNote: note } : {}) });
      expect(result).toMatchObject({ ok: false, code: "invalid_state", details: { blockers: [{ factId: fact.factId, reason: "conflicting" }] } });
      if (!result.ok) expect(result.message).toContain(fact.subject);
    }
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it("refuses while a cited fact's resolution is stale", async () => {
    const fact = await conflictingFact("Vega");
    const row = await db.fact.findUniqueOrThrow({ where: { id: fact.factId }, select: { version: true } });
    unwrap(await resolveFact(ws.actors.editor, { workspaceId: ws.id, factId: fact.factId, preferredClaimId: fact.lateClaimId, version: row.version, rationale: "The close supersedes the early report." }));
    const { briefId, version } = await draftCiting([fact.factId]);
    await db.fact.update({ where: { id: fact.factId }, data: { stale: true } });
    const result = await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version });
    expect(result).toMatchObject({ ok: false, code: "invalid_state", details: { blockers: [{ reason: "stale" }] } });
    await db.fact.update({ where: { id: fact.factId }, data: { stale: false } });
    expect(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version })).toMatchObject({ ok: true, data: { number: 1, overridden: 0 } });
  });

  it("publishes over a conflict with the editor's note, which readers see and the audit keeps", async () => {
    const fact = await conflictingFact("Lyra");
    const { briefId, version } = await draftCiting([fact.factId]);
    expect(await publishBrief(ws.actors.researcher, { workspaceId: ws.id, briefId, version, overrideNote: NOTE })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version, overrideNote: `  ${NOTE}  ` })).toMatchObject({ ok: true, data: { number: 1, overridden: 1 } });
    const v1 = await db.briefVersion.findUniqueOrThrow({ where: { briefId_number: { briefId, number: 1 } }, select: { overrideNote: true, snapshot: true } });
    expect(v1.overrideNote).toBe(NOTE);
    const snapshot = v1.snapshot as unknown as BriefSnapshot;
    expect(snapshot.overrideNote).toBe(NOTE);
    expect(snapshot.footnotes[0]).toMatchObject({ state: "conflicting", overridden: true, value: "$100 billion or $122 billion" });
    const published = (await auditEventsFor("brief", briefId)).find((e) => e.action === "brief.published");
    expect(published?.data).toMatchObject({ number: 1, overrideNote: NOTE, overriddenFactIds: [fact.factId] });
  });

  it("keeps a note given when nothing needed one out of the version", async () => {
    const { briefId, version } = await draftCiting([factId]);
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version, overrideNote: NOTE }));
    const v1 = await db.briefVersion.findUniqueOrThrow({ where: { briefId_number: { briefId, number: 1 } }, select: { overrideNote: true, snapshot: true } });
    expect(v1.overrideNote).toBeNull();
    expect((v1.snapshot as unknown as BriefSnapshot).overrideNote).toBeNull();
  });
});

describe("the published snapshot's evidence card", () => {
  it("carries the exact value, the independent sources, the ranking reason and the change note", async () => {
    const fact = await conflictingFact("Deneb");
    const row = await db.fact.findUniqueOrThrow({ where: { id: fact.factId }, select: { version: true } });
    unwrap(await resolveFact(ws.actors.editor, { workspaceId: ws.id, factId: fact.factId, preferredClaimId: fact.lateClaimId, version: row.version, rationale: "The close supersedes the early report." }));
    const { briefId, version } = await draftCiting([fact.factId]);
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version, changeNote: "Ignored on a first version." }));
    const saved = unwrap(await save(briefId, version + 1, briefContent([{ text: "The round closed at $122 billion.", factIds: [fact.factId] }])));
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: saved.version, changeNote: "Says the round closed." }));

    const versions = await db.briefVersion.findMany({ where: { briefId }, orderBy: { number: "asc" }, select: { snapshot: true } });
    const [v1, v2] = versions.map((v) => v.snapshot as unknown as BriefSnapshot);
    expect(v1?.changeNote).toBeNull();
    expect(v2?.changeNote).toBe("Says the round closed.");
    expect(v2?.footnotes[0]).toMatchObject({
      state: "resolved", value: "$122 billion", independentSources: 1, overridden: false,
      quantity: { value: "122000000000", low: null, high: null, unit: "USD" },
      rationale: "The close supersedes the early report.",
    });
    expect(v2?.footnotes[0]?.sources).toEqual([expect.objectContaining({ rank: "preferred", rankReason: "The close supersedes the early report.", valueText: "$122 billion" })]);
    expect(JSON.stringify(versions)).not.toContain(fact.lateClaimId);
  });
});

describe("setBriefIndexing", () => {
  const indexing = (id: string) => db.brief.findUniqueOrThrow({ where: { id }, select: { allowIndexing: true } });

  it("keeps a brief out of search engines by default and lets an editor opt in and out", async () => {
    const briefId = await newBrief();
    expect(await indexing(briefId)).toEqual({ allowIndexing: false });
    expect(await setBriefIndexing(ws.actors.editor, { workspaceId: ws.id, briefId, allowIndexing: true })).toMatchObject({ ok: true, data: { allowIndexing: true } });
    expect(await indexing(briefId)).toEqual({ allowIndexing: true });
    unwrap(await setBriefIndexing(ws.actors.editor, { workspaceId: ws.id, briefId, allowIndexing: false }));
    expect(await indexing(briefId)).toEqual({ allowIndexing: false });
    const events = (await auditEventsFor("brief", briefId)).filter((e) => e.action === "brief.indexing_changed");
    expect(events.map((e) => [e.actorId, e.data])).toEqual([[ws.users.editor.id, { allowIndexing: true }], [ws.users.editor.id, { allowIndexing: false }]]);
  });

  it(`refuses a researcher and a viewer with "forbidden", a stranger with "not_found", writing nothing`, async () => {
    const briefId = await newBrief();
    const before = await workspaceState(ws.id);
    for (const role of ["viewer", "researcher"] as const) {
      expect(await setBriefIndexing(ws.actors[role], { workspaceId: ws.id, briefId, allowIndexing: true })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await setBriefIndexing(null, { workspaceId: ws.id, briefId, allowIndexing: true })).toMatchObject({ ok: false, code: "unauthenticated" });
    const other = await createWorkspace("indexing-other");
    expect(await setBriefIndexing(other.actors.owner, { workspaceId: other.id, briefId, allowIndexing: true })).toMatchObject({ ok: false, code: "not_found" });
    expect(await indexing(briefId)).toEqual({ allowIndexing: false });
    expect(await workspaceState(ws.id)).toEqual(before);
  });
});

describe("createShareLink, pinned", () => {
  it("pins a link to a published version, and refuses one that was never published, writing nothing", async () => {
    const { briefId, version } = await draftCiting([factId]);
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version }));
    const { shareLinkId } = unwrap(await createShareLink(ws.actors.editor, { workspaceId: ws.id, briefId, pinnedVersion: 1 }));
    const v1 = await db.briefVersion.findUniqueOrThrow({ where: { briefId_number: { briefId, number: 1 } }, select: { id: true } });
    expect(await db.shareLink.findUniqueOrThrow({ where: { id: shareLinkId }, select: { pinnedVersionId: true } })).toEqual({ pinnedVersionId: v1.id });

    const before = await workspaceState(ws.id);
    expect(await createShareLink(ws.actors.editor, { workspaceId: ws.id, briefId, pinnedVersion: 2 })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await createShareLink(ws.actors.researcher, { workspaceId: ws.id, briefId, pinnedVersion: 1 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await workspaceState(ws.id)).toEqual(before);
  });
});

describe("exportBriefVersion", () => {
  let briefId: string;
  beforeAll(async () => {
    ({ briefId } = await draftCiting([factId], `${subject} raised $110 billion.`));
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: 2 }));
  });
  const run = (actor: typeof ws.actors.viewer | null, format: string, version: number | string = 1, workspaceId = ws.id) =>
    exportBriefVersion(actor, { workspaceId, briefId, version, format });

  it("lets a viewer export a version as Markdown and JSON, and its sources as RIS and CSL-JSON", async () => {
    const before = await workspaceState(ws.id);
    const markdown = unwrap(await run(ws.actors.viewer, "markdown"));
    expect(markdown).toMatchObject({ contentType: "text/markdown; charset=utf-8" });
    expect(markdown.fileName).toMatch(/-v1\.md$/);
    expect(markdown.body).toContain(`${subject} raised $110 billion.[^1]`);
    expect(markdown.body).toContain("Example Wire");

    const json = JSON.parse(unwrap(await run(ws.actors.viewer, "json", "1")).body) as BriefSnapshot & { number: number };
    expect(json).toMatchObject({ number: 1, title: "How big was the round?" });
    const ris = unwrap(await run(ws.actors.viewer, "ris")).body;
    expect(ris).toContain("TI  - Nimbus closes its round");
    expect(ris).toContain("UR  - https://example.com/nimbus");
    const csl = JSON.parse(unwrap(await run(ws.actors.viewer, "csl")).body) as unknown[];
    expect(csl).toEqual([expect.objectContaining({ title: "Nimbus closes its round", "container-title": "Example Wire", author: [{ literal: "Ada Reporter" }] })]);
    // Exporting reads; it writes nothing, not even an audit event.
    expect(await workspaceState(ws.id)).toEqual(before);
    for (const value of [ws.id, briefId, factId, claimId, ...Object.values(ws.users).map((u) => u.email)]) {
      expect(markdown.body + ris).not.toContain(value);
    }
  });

  it("refuses the signed-out, strangers, unknown versions and formats", async () => {
    expect(await run(null, "markdown")).toMatchObject({ ok: false, code: "unauthenticated" });
    const other = await createWorkspace("export-other");
    expect(await run(other.actors.owner, "markdown", 1, other.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await run(other.actors.owner, "markdown", 1)).toMatchObject({ ok: false, code: "not_found" });
    expect(await run(ws.actors.viewer, "markdown", 9)).toMatchObject({ ok: false, code: "not_found" });
    expect(await run(ws.actors.viewer, "docx")).toMatchObject({ ok: false, code: "invalid_input" });
  });
});

describe("draftBriefFromFacts", () => {
  async function resolvedFact() {
    const fact = await conflictingFact("Altair");
    const row = await db.fact.findUniqueOrThrow({ where: { id: fact.factId }, select: { version: true } });
    unwrap(await resolveFact(ws.actors.editor, { workspaceId: ws.id, factId: fact.factId, preferredClaimId: fact.lateClaimId, version: row.version, rationale: "The close supersedes the early report." }));
    return fact;
  }

  it("appends one sentence per settled fact, citing it, and skips a conflicting one", async () => {
    const resolved = await resolvedFact();
    const open = await conflictingFact("Mira");
    const briefId = await newBrief();
    const result = unwrap(await draftBriefFromFacts(ws.actors.editor, { workspaceId: ws.id, briefId, version: 1, factIds: [resolved.factId, open.factId, factId] }));
    expect(result).toMatchObject({ version: 2, added: 2, skipped: 1 });
    const row = await briefRow(briefId);
    expect(row).toMatchObject({ version: 2, status: "draft" });
    const statements = (row.content as { sections: { statements: { text: string; factIds: string[] }[] }[] }).sections[0]!.statements;
    expect(statements.map((st) => [st.text, st.factIds])).toEqual([
      [`${resolved.subject} raised $122 billion in its funding round; earlier reports gave $100 billion.`, [resolved.factId]],
      [`${subject} raised $110 billion in its funding round.`, [factId]],
    ]);
    expect((await auditEventsFor("brief", briefId)).map((e) => e.action)).toEqual(["brief.created", "brief.drafted"]);
  });

  it("refuses lower roles, stale versions, foreign facts and facts without a value, writing nothing", async () => {
    const briefId = await newBrief();
    const open = await conflictingFact("Rigel");
    const other = await createWorkspace("draft-other");
    const foreign = await confirmedClaim(other.id, other.actors.researcher, `${subject} raised $3 billion.`, { subject, attribute: "funding_round_size", value: "3000000000", valueText: "$3 billion" });
    const before = await workspaceState(ws.id);
    const input = { workspaceId: ws.id, briefId, version: 1, factIds: [factId] };
    for (const role of ["viewer", "researcher"] as const) expect(await draftBriefFromFacts(ws.actors[role], input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await draftBriefFromFacts(null, input)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await draftBriefFromFacts(ws.actors.editor, { ...input, version: 7 })).toMatchObject({ ok: false, code: "conflict" });
    expect(await draftBriefFromFacts(ws.actors.editor, { ...input, factIds: [factId, foreign.factId] })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await draftBriefFromFacts(ws.actors.editor, { ...input, factIds: [open.factId] })).toMatchObject({ ok: false, code: "invalid_state" });
    expect(await draftBriefFromFacts(ws.actors.editor, { ...input, factIds: [] })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await workspaceState(ws.id)).toEqual(before);
  });
});

describe("the review workflow: draft → in review → published", () => {
  const transition = (briefId: string, version: number) => ({ workspaceId: ws.id, briefId, version });
  const comment = (briefId: string, statementId: string, body = "Which report gives this figure?") => ({ workspaceId: ws.id, briefId, statementId, body });

  it("an editor sends a draft for review, a researcher comments, the editor resolves it and publishes", async () => {
    const { briefId, version } = await draftCiting([factId], `${subject} raised $110 billion.`);
    // Comments are taken only while the brief is in review.
    expect(await addBriefComment(ws.actors.researcher, comment(briefId, "st1"))).toMatchObject({ ok: false, code: "invalid_state" });

    const sent = unwrap(await sendBriefForReview(ws.actors.editor, transition(briefId, version)));
    expect(sent).toMatchObject({ status: "in_review", version: version + 1 });
    expect(await sendBriefForReview(ws.actors.editor, transition(briefId, sent.version))).toMatchObject({ ok: false, code: "invalid_state" });

    const { commentId } = unwrap(await addBriefComment(ws.actors.researcher, comment(briefId, "st1")));
    // Editing in review keeps the brief in review.
    const edited = unwrap(await save(briefId, sent.version, briefContent([{ text: `${subject} raised $110 billion, Example Wire reported.`, factIds: [factId] }])));
    expect(edited.status).toBe("in_review");
    expect((await briefRow(briefId)).status).toBe("in_review");
    expect((await briefData.list(ws.id, "in_review")).find((b) => b.id === briefId)).toMatchObject({ status: "in_review", openComments: 1 });

    // Open comments hold publishing until the editor confirms, or resolves them.
    const held = await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: edited.version });
    expect(held).toMatchObject({ ok: false, code: "invalid_state", details: { openComments: 1 } });
    expect((await briefRow(briefId)).latestVersionNumber).toBe(0);

    unwrap(await resolveBriefComment(ws.actors.editor, { workspaceId: ws.id, commentId }));
    const published = unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: edited.version }));
    expect(published.number).toBe(1);
    expect(await briefRow(briefId)).toMatchObject({ status: "published", latestVersionNumber: 1 });

    const [stored] = await briefData.comments(ws.id, briefId);
    expect(stored).toMatchObject({ body: "Which report gives this figure?", authorName: ws.users.researcher.name, resolvedByName: ws.users.editor.name, statementId: "st1" });
    expect((await auditEventsFor("brief", briefId)).map((e) => [e.action, e.data])).toEqual([
      ["brief.created", null],
      ["brief.saved", null],
      ["brief.sent_for_review", { from: "draft", to: "in_review" }],
      ["brief.saved", null],
      ["brief.published", expect.objectContaining({ number: 1, from: "in_review" })],
    ]);
    expect((await auditEventsFor("brief_comment", commentId)).map((e) => [e.action, e.actorId])).toEqual([
      ["brief_comment.added", ws.users.researcher.id],
      ["brief_comment.resolved", ws.users.editor.id],
    ]);
  });

  it("publishes over open comments when the editor confirms, and records how many were open", async () => {
    const { briefId, version } = await draftCiting([factId], `${subject} raised $110 billion.`);
    const sent = unwrap(await sendBriefForReview(ws.actors.editor, transition(briefId, version)));
    unwrap(await addBriefComment(ws.actors.researcher, comment(briefId, "st1")));
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: sent.version, confirmOpenComments: true }));
    const published = (await auditEventsFor("brief", briefId)).find((e) => e.action === "brief.published");
    expect(published?.data).toMatchObject({ openComments: 1, from: "in_review" });
  });

  it("a comment sent while the brief is being published waits for it, then is refused and writes nothing", async () => {
    const { briefId, version } = await draftCiting([factId], `${subject} raised $110 billion.`);
    unwrap(await sendBriefForReview(ws.actors.editor, transition(briefId, version)));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // Another session's publish, caught between taking the brief and committing.
    const publishing = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Brief" WHERE id = ${briefId} FOR UPDATE`;
      await tx.brief.update({ where: { id: briefId }, data: { status: "published" } });
      locked();
      await held;
    });
    await lockTaken;
    let settled = false;
    const commenting = addBriefComment(ws.actors.researcher, comment(briefId, "st1")).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    release();
    await publishing;
    expect(await commenting).toMatchObject({ ok: false, code: "invalid_state", message: expect.stringContaining("left review") });
    expect(await briefData.comments(ws.id, briefId)).toHaveLength(0);
  });

  it("takes a brief back to draft and keeps its comments; editing a published brief starts a draft", async () => {
    const { briefId, version } = await draftCiting([factId], `${subject} raised $110 billion.`);
    const sent = unwrap(await sendBriefForReview(ws.actors.editor, transition(briefId, version)));
    unwrap(await addBriefComment(ws.actors.owner, comment(briefId, "st1", "Tighten this.")));
    const back = unwrap(await returnBriefToDraft(ws.actors.editor, transition(briefId, sent.version)));
    expect(back).toMatchObject({ status: "draft" });
    expect(await returnBriefToDraft(ws.actors.editor, transition(briefId, back.version))).toMatchObject({ ok: false, code: "invalid_state" });
    expect(await briefData.comments(ws.id, briefId)).toHaveLength(1);

    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: back.version, confirmOpenComments: true }));
    const resaved = unwrap(await save(briefId, back.version + 1, briefContent([{ text: `${subject} raised $110 billion in February.`, factIds: [factId] }])));
    expect(resaved.status).toBe("draft");
    const events = await auditEventsFor("brief", briefId);
    expect(events.map((e) => e.action)).toContain("brief.returned_to_draft");
    expect(events.at(-1)).toMatchObject({ action: "brief.saved", data: { from: "published", to: "draft" } });
  });

  it("lets researchers comment but not move the brief or publish, and viewers do neither, writing nothing", async () => {
    const { briefId, version } = await draftCiting([factId], `${subject} raised $110 billion.`);
    for (const role of ["viewer", "researcher"] as const) {
      expect(await sendBriefForReview(ws.actors[role], transition(briefId, version))).toMatchObject({ ok: false, code: "forbidden" });
    }
    const sent = unwrap(await sendBriefForReview(ws.actors.editor, transition(briefId, version)));
    const before = await workspaceState(ws.id);
    expect(await addBriefComment(ws.actors.viewer, comment(briefId, "st1"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await addBriefComment(null, comment(briefId, "st1"))).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await addBriefComment(ws.outsider.actor, comment(briefId, "st1"))).toMatchObject({ ok: false, code: "not_found" });
    expect(await publishBrief(ws.actors.researcher, { workspaceId: ws.id, briefId, version: sent.version, confirmOpenComments: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await returnBriefToDraft(ws.actors.researcher, transition(briefId, sent.version))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await addBriefComment(ws.actors.researcher, comment(briefId, "st1", "   "))).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await workspaceState(ws.id)).toEqual(before);
    expect(await briefData.comments(ws.id, briefId)).toEqual([]);
  });

  it("lets a comment's author or an editor resolve it, but not another researcher or a viewer", async () => {
    const { briefId, version } = await draftCiting([factId], `${subject} raised $110 billion.`);
    unwrap(await sendBriefForReview(ws.actors.editor, transition(briefId, version)));
    const other = await addMemberRow(ws.id, "researcher");
    const mine = unwrap(await addBriefComment(ws.actors.researcher, comment(briefId, "st1", "Mine."))).commentId;
    const theirs = unwrap(await addBriefComment(other.actor, comment(briefId, "st1", "Theirs."))).commentId;
    expect(await resolveBriefComment(ws.actors.researcher, { workspaceId: ws.id, commentId: theirs })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await resolveBriefComment(ws.actors.viewer, { workspaceId: ws.id, commentId: mine })).toMatchObject({ ok: false, code: "forbidden" });
    const foreign = await createWorkspace("comments-elsewhere");
    expect(await resolveBriefComment(foreign.actors.editor, { workspaceId: foreign.id, commentId: mine })).toMatchObject({ ok: false, code: "not_found" });
    unwrap(await resolveBriefComment(ws.actors.researcher, { workspaceId: ws.id, commentId: mine }));
    unwrap(await resolveBriefComment(ws.actors.editor, { workspaceId: ws.id, commentId: theirs }));
    // A second resolve changes nothing and writes no second event.
    unwrap(await resolveBriefComment(ws.actors.editor, { workspaceId: ws.id, commentId: theirs }));
    expect((await auditEventsFor("brief_comment", theirs)).map((e) => e.action)).toEqual(["brief_comment.added", "brief_comment.resolved"]);
    expect((await briefData.comments(ws.id, briefId)).map((c) => [c.body, c.resolvedByName])).toEqual([["Mine.", ws.users.researcher.name], ["Theirs.", ws.users.editor.name]]);
  });

  it("keeps a comment whose statement was removed, and takes no new comment on that statement", async () => {
    const briefId = await newBrief();
    const two = briefContent([{ text: "First statement.", factIds: [factId] }, { text: "Second statement.", factIds: [] }]);
    const v2 = unwrap(await save(briefId, 1, two)).version;
    const sent = unwrap(await sendBriefForReview(ws.actors.editor, transition(briefId, v2)));
    const { commentId } = unwrap(await addBriefComment(ws.actors.researcher, comment(briefId, "st2", "Cut this one?")));
    // The editor removes statement 2 (st1 stays).
    unwrap(await save(briefId, sent.version, { sections: [{ ...two.sections[0]!, statements: [two.sections[0]!.statements[0]!] }] }));
    const comments = await briefData.comments(ws.id, briefId);
    expect(comments).toMatchObject([{ id: commentId, statementId: "st2", body: "Cut this one?", resolvedAt: null }]);
    expect(await addBriefComment(ws.actors.researcher, comment(briefId, "st2"))).toMatchObject({ ok: false, code: "invalid_state", message: expect.stringContaining("removed") });
    expect(await db.briefComment.count({ where: { briefId } })).toBe(1);
  });
});

describe("autosave's version conflict", () => {
  it("refuses a save on a stale version and tells who saved in between, with their text, losing neither", async () => {
    const briefId = await newBrief();
    const other = await addMemberRow(ws.id, "editor");
    const theirs = briefContent([{ text: "Their sentence, saved from another session.", factIds: [] }]);
    unwrap(await saveBrief(other.actor, { workspaceId: ws.id, briefId, title: "Their title", content: theirs, version: 1 }));
    // A change that leaves the text alone (indexing) is not the change that made my save stale.
    unwrap(await setBriefIndexing(ws.actors.owner, { workspaceId: ws.id, briefId, allowIndexing: true }));
    const before = await workspaceState(ws.id);

    const mine = await save(briefId, 1, briefContent([{ text: "My sentence, typed at the same time.", factIds: [] }]), "My title");
    expect(mine).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining(other.name) });
    if (mine.ok) throw new Error("the stale save went through");
    const conflict = mine.details?.theirs as BriefConflict;
    expect(conflict).toMatchObject({ version: 2, title: "Their title", content: theirs, status: "draft", changedBy: other.name });
    expect(Date.now() - new Date(conflict.changedAt).getTime()).toBeLessThan(60_000);
    expect(await workspaceState(ws.id)).toEqual(before);

    // Overwriting knowingly: the same text saved on their version.
    const overwritten = unwrap(await save(briefId, conflict.version, briefContent([{ text: "My sentence, typed at the same time.", factIds: [] }]), "My title"));
    expect(overwritten.version).toBe(3);
    expect(await briefRow(briefId)).toMatchObject({ title: "My title", version: 3 });
  });

  it("saves an empty statement while writing, but will not publish it", async () => {
    const briefId = await newBrief();
    const v = unwrap(await save(briefId, 1, briefContent([{ text: "A written one.", factIds: [factId] }, { text: "", factIds: [] }]))).version;
    expect(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: v })).toMatchObject({ ok: false, code: "invalid_state", message: expect.stringContaining("Statement 2 is empty") });
  });
});

describe("searchBriefFacts, the citation picker", () => {
  it("finds facts by words of the subject, the attribute and the figure as written, and only this workspace's", async () => {
    const search = async (query: string) => unwrap(await searchBriefFacts(ws.actors.editor, { workspaceId: ws.id, query }));
    const word = subject.split(" ")[1]!;
    expect((await search(word)).facts.map((f) => f.id)).toEqual([factId]);
    expect((await search(`${word} funding round`)).facts).toMatchObject([{ id: factId, label: `${subject} · Funding round size`, value: "$110 billion", state: "agreed", stale: false }]);
    expect((await search(`${word} $110 billion`)).facts.map((f) => f.id)).toEqual([factId]);
    expect((await search(`${word} revenue`)).facts).toEqual([]);

    const other = await createWorkspace("search-other");
    await confirmedClaim(other.id, other.actors.researcher, `${subject} raised $3 billion.`, { subject, attribute: "funding_round_size", value: "3000000000", valueText: "$3 billion" });
    expect((await search(word)).facts).toHaveLength(1);
  });

  it("caps the answer at 20 and says how many match, so the editor refines the search", async () => {
    const tag = `Cap${uniq()}`;
    for (let i = 0; i < 22; i++) {
      const article = await insertArticle(ws.id, `${tag} Co ${i} raised $${i + 1} million.`);
      const claim = await insertClaim(ws.id, article, { subject: `${tag} Co ${String(i).padStart(2, "0")}`, attribute: "funding_round_size", value: String((i + 1) * 1e6), valueText: `$${i + 1} million` });
      unwrap(await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, decision: "confirm", version: 1 }));
    }
    const found = unwrap(await searchBriefFacts(ws.actors.editor, { workspaceId: ws.id, query: tag }));
    expect(found).toMatchObject({ total: 22, limit: 20 });
    expect(found.facts).toHaveLength(20);
    expect(found.facts[0]!.label).toContain(`${tag} Co 00`);
  });

  it("is for those who write briefs", async () => {
    for (const role of ["viewer", "researcher"] as const) {
      expect(await searchBriefFacts(ws.actors[role], { workspaceId: ws.id, query: "x" })).toMatchObject({ ok: false, code: "forbidden" });
    }
  });
});

describe("facts resolved to a timeline", () => {
  async function timelineFact() {
    const who = `Vega ${uniq()}`;
    const announced = await confirmedClaim(ws.id, ws.actors.researcher, `${who} announced a $2 billion round.`, {
      subject: who, attribute: "funding_round_size", value: "2000000000", valueText: "$2 billion",
    });
    const closed = await confirmedClaim(ws.id, ws.actors.researcher, `${who} closed its round at $2.5 billion.`, {
      subject: who, attribute: "funding_round_size", value: "2500000000", valueText: "$2.5 billion",
    });
    // Written as the facts' resolve-to-timeline command stores it (that command is not this file's subject).
    await db.fact.update({
      where: { id: closed.factId },
      data: {
        state: "resolved", resolvedAt: new Date(), resolvedById: ws.users.editor.id, rationale: "The round was announced, then closed larger.",
        acceptedTimeline: [
          { value: "2000000000", low: null, high: null, asOf: "2026-05-04", modality: "announced", claimIds: [announced.claimId] },
          { value: "2500000000", low: null, high: null, asOf: "2026-06-10", modality: "completed", claimIds: [closed.claimId] },
        ],
      },
    });
    return { who, factId: closed.factId };
  }

  it("drafts one sentence telling the timeline, and publishes the timeline with each value's sources", async () => {
    const { who, factId: timelineId } = await timelineFact();
    const briefId = await newBrief();
    const drafted = unwrap(await draftBriefFromFacts(ws.actors.editor, { workspaceId: ws.id, briefId, version: 1, factIds: [timelineId] }));
    expect(drafted.content.sections[0]!.statements.map((s) => [s.text, s.factIds])).toEqual([
      [`${who}’s funding round was announced at $2 billion in May 2026, and closed at $2.5 billion in June 2026.`, [timelineId]],
    ]);
    unwrap(await publishBrief(ws.actors.editor, { workspaceId: ws.id, briefId, version: drafted.version }));
    const [version] = await briefData.versions(ws.id, briefId);
    const note = version!.snapshot.footnotes[0]!;
    expect(note.value).toBe("$2 billion (announced, May 2026) → $2.5 billion (completed, June 2026)");
    expect(note.timeline?.map((e) => [e.value, e.asOf, e.modality, e.sources.map((i) => note.sources[i]!.valueText)])).toEqual([
      ["$2 billion", "2026-05-04", "announced", ["$2 billion"]],
      ["$2.5 billion", "2026-06-10", "completed", ["$2.5 billion"]],
    ]);
  });
});
