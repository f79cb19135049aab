// Writing and publishing briefs: optimistic saves, facts only from this workspace, numbered
// immutable versions whose snapshot carries the source quotes and nothing private.
import { beforeAll, describe, expect, it } from "vitest";
import type { BriefSnapshot } from "@/lib/briefs/snapshot";
import { db } from "@/lib/server/db";
import {
  auditEventsFor, briefContent, confirmedClaim, createWorkspace, insertArticle, insertClaim, uniq, unwrap, workspaceState, type TestWorkspace,
} from "@/lib/server/testing/fixtures";
import { createBrief, publishBrief, saveBrief } from "./briefs";
import { decideClaim } from "./claims";

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
