// More citations for a claim: words selected in another article become a citation with both
// W3C selectors, only if they are that article's text at those offsets; the last citation of
// a claim cannot be removed; viewers and outsiders change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { claims } from "@/lib/server/data/claims";
import { auditEventsFor, confirmedClaim, createWorkspace, insertArticle, insertClaim, uniq, unwrap, workspaceState, type TestWorkspace } from "@/lib/server/testing/fixtures";
import { addCitation, decideClaim, findCitableClaims, removeCitation } from "./claims";

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createWorkspace("citations");
});

const code = (r: { ok: boolean; code?: string }) => (r.ok ? "ok" : r.code);

async function claimAndSecondArticle() {
  const subject = `Corvid${uniq()}`;
  const first = await confirmedClaim(ws.id, ws.actors.researcher, `${subject} raised $9 billion in its latest round.`, { subject, attribute: "funding_round_size", value: "9000000000", valueText: "$9 billion" });
  const secondText = `Analysts were not surprised by the news this week. People close to ${subject} said the round brought in $9 billion, led by two funds. More later.`;
  const second = await insertArticle(ws.id, secondText, { title: `Second look ${uniq()}` });
  const exact = `the round brought in $9 billion`;
  const start = second.text.indexOf(exact);
  return { subject, first, second, exact, start, end: start + exact.length };
}

describe("addCitation", () => {
  it("cites a claim from another article with the exact words, 32 characters of context either side, and an audit event", async () => {
    const c = await claimAndSecondArticle();
    const added = unwrap(await addCitation(ws.actors.researcher, { workspaceId: ws.id, claimId: c.first.claimId, articleId: c.second.id, start: c.start, end: c.end, exact: c.exact }));
    const citation = await db.citation.findUniqueOrThrow({ where: { id: added.citationId } });
    expect(citation).toMatchObject({ claimId: c.first.claimId, articleId: c.second.id, exact: c.exact, start: c.start, end: c.end, createdById: ws.users.researcher.id });
    expect(citation.prefix).toBe(c.second.text.slice(c.start - 32, c.start));
    expect(citation.suffix).toBe(c.second.text.slice(c.end, c.end + 32));
    expect(await db.citation.count({ where: { claimId: c.first.claimId } })).toBe(2);
    expect(await auditEventsFor("claim", c.first.claimId)).toContainEqual(expect.objectContaining({ action: "claim.citation_added", actorId: ws.users.researcher.id, data: expect.objectContaining({ citationId: citation.id, articleId: c.second.id }) }));

    // The claim's own article lists both citations with their articles' titles; the second article lists it as cited there.
    const inFirst = await claims.forArticle(ws.id, c.first.article.id);
    const listed = inFirst.find((x) => x.id === c.first.claimId)!;
    expect(listed.citations.map((x) => x.articleId)).toEqual([c.first.article.id, c.second.id]);
    expect(listed.citations[1]!.article.title).toMatch(/^Second look/);
    expect((await claims.citedFrom(ws.id, c.second.id)).map((x) => x.claim.id)).toEqual([c.first.claimId]);

    // The same words again are refused rather than stored twice.
    expect(code(await addCitation(ws.actors.researcher, { workspaceId: ws.id, claimId: c.first.claimId, articleId: c.second.id, start: c.start, end: c.end, exact: c.exact }))).toBe("invalid_input");
  });

  it("refuses a selection outside the text, or whose words are not the text at those offsets", async () => {
    const c = await claimAndSecondArticle();
    const before = await workspaceState(ws.id);
    const base = { workspaceId: ws.id, claimId: c.first.claimId, articleId: c.second.id };
    expect(code(await addCitation(ws.actors.researcher, { ...base, start: c.start + 1, end: c.end + 1, exact: c.exact }))).toBe("invalid_input");
    expect(code(await addCitation(ws.actors.researcher, { ...base, start: c.start, end: c.end, exact: c.exact.replace("$9", "$8") }))).toBe("invalid_input");
    const length = c.second.text.length;
    expect(code(await addCitation(ws.actors.researcher, { ...base, start: length - 2, end: length + 5, exact: `${c.second.text.slice(-2)}12345` }))).toBe("invalid_input");
    expect(code(await addCitation(ws.actors.researcher, { ...base, start: 5, end: 5, exact: "x" }))).toBe("invalid_input");
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it("is refused to viewers and outsiders, and across workspaces", async () => {
    const c = await claimAndSecondArticle();
    const input = { workspaceId: ws.id, claimId: c.first.claimId, articleId: c.second.id, start: c.start, end: c.end, exact: c.exact };
    const before = await workspaceState(ws.id);
    expect(code(await addCitation(ws.actors.viewer, input))).toBe("forbidden");
    expect(code(await addCitation(ws.outsider.actor, input))).toBe("not_found");
    // The outsider's own workspace cannot reach this workspace's claim.
    expect(code(await addCitation(ws.outsider.actor, { ...input, workspaceId: ws.outsider.workspaceId }))).toBe("not_found");
    expect(code(await findCitableClaims(ws.actors.viewer, { workspaceId: ws.id, q: c.subject }))).toBe("forbidden");
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it("a suggestion cited from elsewhere still gets its own sentence as a citation when confirmed", async () => {
    const subject = `Heron${uniq()}`;
    const own = await insertArticle(ws.id, `${subject} raised $3 billion in its latest round.`);
    const suggestion = await insertClaim(ws.id, own, { subject, attribute: "funding_round_size", value: "3000000000", valueText: "$3 billion" });
    const other = await insertArticle(ws.id, `Sources say ${subject} took $3 billion.`);
    const exact = "took $3 billion";
    const found = unwrap(await findCitableClaims(ws.actors.researcher, { workspaceId: ws.id, q: `${subject} funding round` }));
    expect(found.map((x) => x.id)).toEqual([suggestion.id]);
    unwrap(await addCitation(ws.actors.researcher, { workspaceId: ws.id, claimId: suggestion.id, articleId: other.id, start: other.text.indexOf(exact), end: other.text.indexOf(exact) + exact.length, exact }));
    unwrap(await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: suggestion.id, decision: "confirm", version: suggestion.version }));
    const citations = await db.citation.findMany({ where: { claimId: suggestion.id }, select: { articleId: true } });
    expect(citations.map((x) => x.articleId).sort()).toEqual([own.id, other.id].sort());
  });
});

describe("removeCitation", () => {
  it("removes one of several citations with an audit event, never the last, and not for viewers", async () => {
    const c = await claimAndSecondArticle();
    const added = unwrap(await addCitation(ws.actors.researcher, { workspaceId: ws.id, claimId: c.first.claimId, articleId: c.second.id, start: c.start, end: c.end, exact: c.exact }));
    expect(code(await removeCitation(ws.actors.viewer, { workspaceId: ws.id, citationId: added.citationId }))).toBe("forbidden");
    expect(code(await removeCitation(ws.outsider.actor, { workspaceId: ws.outsider.workspaceId, citationId: added.citationId }))).toBe("not_found");

    unwrap(await removeCitation(ws.actors.researcher, { workspaceId: ws.id, citationId: added.citationId }));
    const left = await db.citation.findMany({ where: { claimId: c.first.claimId }, select: { id: true, articleId: true } });
    expect(left.map((x) => x.articleId)).toEqual([c.first.article.id]);
    expect(await auditEventsFor("claim", c.first.claimId)).toContainEqual(expect.objectContaining({ action: "claim.citation_removed", data: expect.objectContaining({ citationId: added.citationId }) }));

    expect(code(await removeCitation(ws.actors.researcher, { workspaceId: ws.id, citationId: left[0]!.id }))).toBe("invalid_state");
    expect(await db.citation.count({ where: { claimId: c.first.claimId } })).toBe(1);
  });

  it("two people removing the last two citations at once leave one", async () => {
    const c = await claimAndSecondArticle();
    const added = unwrap(await addCitation(ws.actors.researcher, { workspaceId: ws.id, claimId: c.first.claimId, articleId: c.second.id, start: c.start, end: c.end, exact: c.exact }));
    const own = await db.citation.findFirstOrThrow({ where: { claimId: c.first.claimId, articleId: c.first.article.id } });
    const results = await Promise.all([
      removeCitation(ws.actors.researcher, { workspaceId: ws.id, citationId: added.citationId }),
      removeCitation(ws.actors.editor, { workspaceId: ws.id, citationId: own.id }),
    ]);
    expect(results.map(code).sort()).toEqual(["invalid_state", "ok"]);
    expect(await db.citation.count({ where: { claimId: c.first.claimId } })).toBe(1);
  });
});
