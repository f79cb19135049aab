// Resolving a conflicting fact: the editor's choice ranks every confirmed claim, the
// resolution is kept in history, a stale resolution is refused, and a later claim that
// disagrees reopens the fact.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { auditEventsFor, confirmedClaim, createWorkspace, insertArticle, insertClaim, uniq, unwrap, workspaceState, type TestWorkspace } from "@/lib/server/testing/fixtures";
import { decideClaim } from "./claims";
import { resolveFact } from "./facts";

const RATIONALE = "The company's own announcement is the primary source; the lower figure was an early estimate.";

let ws: TestWorkspace;
let subject: string;
/** Three articles on one fact: a and c say $110B, b says $100B. */
let claims: { a: string; b: string; c: string };
let factId: string;

async function confirmOne(text: string, value: string, valueText: string) {
  return confirmedClaim(ws.id, ws.actors.researcher, text, { subject, attribute: "funding_round_size", value, valueText });
}

beforeAll(async () => {
  ws = await createWorkspace("facts");
});

beforeEach(async () => {
  subject = `Helios ${uniq()}`;
  const a = await confirmOne(`${subject} raised $110 billion, the company announced.`, "110000000000", "$110 billion");
  const b = await confirmOne(`Sources said ${subject} was raising $100 billion.`, "100000000000", "$100 billion");
  const c = await confirmOne(`The $110 billion round makes ${subject} one of the best-funded firms.`, "110000000000", "$110 billion");
  expect(new Set([a.factId, b.factId, c.factId]).size).toBe(1);
  claims = { a: a.claimId, b: b.claimId, c: c.claimId };
  factId = a.factId;
});

const factRow = () => db.fact.findUniqueOrThrow({ where: { id: factId } });
const resolve = (actor: { userId: string }, preferredClaimId: string, version: number, rationale = RATIONALE) =>
  resolveFact(actor, { workspaceId: ws.id, factId, preferredClaimId, version, rationale });

describe("resolveFact", () => {
  it("resolves a conflicting fact: preferred, normal and deprecated ranks, the accepted value and a kept resolution", async () => {
    const before = await factRow();
    expect(before.state).toBe("conflicting");

    const result = await resolve(ws.actors.editor, claims.a, before.version);
    expect(result).toMatchObject({ ok: true, data: { factId } });

    const fact = await factRow();
    expect(fact).toMatchObject({ state: "resolved", stale: false, rationale: RATIONALE, resolvedById: ws.users.editor.id, version: before.version + 1 });
    expect(fact.acceptedValue?.toString()).toBe("110000000000");
    expect(fact.resolvedAt).not.toBeNull();

    const ranks = await db.claim.findMany({ where: { factId }, select: { id: true, rank: true, rankReason: true } });
    expect(ranks).toEqual(
      expect.arrayContaining([
        { id: claims.a, rank: "preferred", rankReason: RATIONALE },
        { id: claims.b, rank: "deprecated", rankReason: RATIONALE },
        { id: claims.c, rank: "normal", rankReason: null },
      ]),
    );
    expect(ranks).toHaveLength(3);

    const resolutions = await db.factResolution.findMany({ where: { factId } });
    expect(resolutions).toHaveLength(1);
    expect(resolutions[0]).toMatchObject({ rationale: RATIONALE, createdById: ws.users.editor.id });
    expect(resolutions[0]?.acceptedValue?.toString()).toBe("110000000000");
    expect(resolutions[0]?.ranks).toEqual(
      expect.arrayContaining([
        { claimId: claims.a, rank: "preferred" },
        { claimId: claims.b, rank: "deprecated" },
        { claimId: claims.c, rank: "normal" },
      ]),
    );

    expect((await auditEventsFor("fact", factId)).filter((e) => e.action === "fact.resolved")).toEqual([
      expect.objectContaining({ workspaceId: ws.id, actorId: ws.users.editor.id, data: { preferredClaimId: claims.a } }),
    ]);
  });

  it("refuses a resolution made on a stale version and keeps the first one", async () => {
    const { version } = await factRow();
    unwrap(await resolve(ws.actors.editor, claims.a, version));
    const after = await workspaceState(ws.id);

    // The owner had the fact open at the same version and prefers the other figure.
    const second = await resolve(ws.actors.owner, claims.b, version, "The lower figure came from people close to the deal.");
    expect(second).toMatchObject({ ok: false, code: "conflict" });
    expect(await workspaceState(ws.id)).toEqual(after);
    expect((await factRow()).acceptedValue?.toString()).toBe("110000000000");
    expect(await db.factResolution.count({ where: { factId } })).toBe(1);
  });

  it("lets exactly one of two simultaneous resolutions on the same version win", async () => {
    const { version } = await factRow();
    const results = await Promise.all([
      resolve(ws.actors.editor, claims.a, version),
      resolve(ws.actors.owner, claims.b, version, "The lower figure came from people close to the deal."),
    ]);
    expect(results.filter((r) => r.ok), JSON.stringify(results)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "conflict" })]);
    expect(await db.factResolution.count({ where: { factId } })).toBe(1);
    const preferred = await db.claim.findMany({ where: { factId, rank: "preferred" }, select: { id: true } });
    expect(preferred).toHaveLength(1);
  });

  it("stays resolved when a later claim agrees, reopens as conflicting and stale when one disagrees, and can be resolved again", async () => {
    unwrap(await resolve(ws.actors.editor, claims.a, (await factRow()).version));

    await confirmOne(`A filing confirmed ${subject} raised $110 billion.`, "110000000000", "$110 billion");
    expect(await factRow()).toMatchObject({ state: "resolved", stale: false });

    const late = await confirmOne(`${subject} has now raised $120 billion in total.`, "120000000000", "$120 billion");
    expect(late.factId).toBe(factId);
    const reopened = await factRow();
    expect(reopened).toMatchObject({ state: "conflicting", stale: true });

    unwrap(await resolve(ws.actors.editor, late.claimId, reopened.version, "The round was extended to $120 billion after the first close."));
    const fact = await factRow();
    expect(fact).toMatchObject({ state: "resolved", stale: false });
    expect(fact.acceptedValue?.toString()).toBe("120000000000");
    expect(await db.factResolution.count({ where: { factId } })).toBe(2);
    const ranks = await db.claim.findMany({ where: { id: { in: [claims.a, late.claimId] } }, select: { id: true, rank: true } });
    expect(ranks).toEqual(expect.arrayContaining([{ id: claims.a, rank: "deprecated" }, { id: late.claimId, rank: "preferred" }]));
  });

  it("refuses a resolution based on a version of the fact that predates a newly confirmed claim", async () => {
    // The editor opens the fact; meanwhile a researcher confirms a claim with a third value.
    const seen = await factRow();
    const article = await insertArticle(ws.id, `${subject} is said to have raised $122 billion.`);
    const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value: "122000000000", valueText: "$122 billion" });
    unwrap(await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, decision: "confirm", version: claim.version }));

    // Resolving on what the editor saw would rank the unseen claim "deprecated" with a
    // rationale written without it.
    const result = await resolve(ws.actors.editor, claims.a, seen.version);
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { rank: true } })).toEqual({ rank: "normal" });
  });

  it(`refuses a preferred claim that is not one of the fact's confirmed claims with "invalid_input"`, async () => {
    const article = await insertArticle(ws.id, `${subject} might raise $90 billion.`);
    const suggested = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value: "90000000000", valueText: "$90 billion" });
    const before = await workspaceState(ws.id);
    const result = await resolve(ws.actors.editor, suggested.id, (await factRow()).version);
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it(`answers "not_found" for a fact that belongs to another workspace`, async () => {
    const other = await createWorkspace("facts-other");
    const theirs = await confirmedClaim(other.id, other.actors.researcher, `${subject} raised $1 billion.`, {
      subject, attribute: "funding_round_size", value: "1000000000", valueText: "$1 billion",
    });
    const before = await workspaceState(other.id);
    const result = await resolveFact(ws.actors.editor, { workspaceId: ws.id, factId: theirs.factId, preferredClaimId: theirs.claimId, version: 1, rationale: RATIONALE });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await workspaceState(other.id)).toEqual(before);
  });
});
