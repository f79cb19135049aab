// Merging entities: two spellings of one company become one entity whose claims, as subject
// and as counterparty, all name the survivor and whose confirmed claims share one fact; a
// merge that repeats is a no-op, one that races another is refused, and later imports and
// edits resolve the alias.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { entities } from "@/lib/server/data/entities";
import { confirmedClaim, createWorkspace, importFixtureArticle, insertArticle, insertClaim, uniq, unwrap, workspaceState, type TestWorkspace } from "@/lib/server/testing/fixtures";
import { editClaim } from "./claims";
import { mergeEntities, undoEntityMerge } from "./entities";
import { resolveFact } from "./facts";

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createWorkspace("entities");
});

/** Two confirmed claims of the same figure under two spellings, and one claim naming the second as counterparty. */
async function twoSpellings() {
  const tag = uniq();
  const main = `Quanta${tag}`;
  const variant = `Quanta ${tag} Labs`;
  const a = await confirmedClaim(ws.id, ws.actors.researcher, `${main} raised $4 billion in its latest round.`, { subject: main, attribute: "funding_round_size", value: "4000000000", valueText: "$4 billion" });
  const b = await confirmedClaim(ws.id, ws.actors.researcher, `${variant} raised $5 billion in its latest round.`, { subject: variant, attribute: "funding_round_size", value: "5000000000", valueText: "$5 billion" });
  const article = await insertArticle(ws.id, `Helix${tag} invested $1 billion in ${variant}.`);
  const investor = await insertClaim(ws.id, article, { subject: `Helix${tag}`, attribute: "investment_amount", value: "1000000000", valueText: "$1 billion", counterparty: variant });
  return { main, variant, mainKey: main.toLowerCase(), variantKey: variant.toLowerCase(), a, b, investor };
}

const merge = (actor: { userId: string }, survivorKey: string, seen: { key: string; aliases: string[] }[]) =>
  mergeEntities(actor, { workspaceId: ws.id, survivorKey, entities: seen });

describe("mergeEntities", () => {
  it("re-points subjects and counterparties at the survivor, regroups their facts into one, records aliases and an audit event", async () => {
    const s = await twoSpellings();
    expect(s.a.factId).not.toBe(s.b.factId);

    const result = unwrap(await merge(ws.actors.researcher, s.mainKey, [{ key: s.mainKey, aliases: [] }, { key: s.variantKey, aliases: [] }]));
    expect(result).toMatchObject({ survivor: { key: s.mainKey, name: s.main }, claims: 2, alreadyMerged: false });

    const moved = await db.claim.findMany({ where: { id: { in: [s.b.claimId, s.investor.id] } }, select: { id: true, subject: true, subjectKey: true, counterparty: true, counterpartyKey: true, factId: true, version: true } });
    const b = moved.find((c) => c.id === s.b.claimId)!;
    const investor = moved.find((c) => c.id === s.investor.id)!;
    expect(b).toMatchObject({ subject: s.main, subjectKey: s.mainKey, factId: s.a.factId, version: 3 });
    expect(investor).toMatchObject({ counterparty: s.main, counterpartyKey: s.mainKey });

    // One fact now holds both values, and they disagree.
    const fact = await db.fact.findUniqueOrThrow({ where: { id: s.a.factId }, select: { state: true, claims: { select: { id: true } } } });
    expect(fact.claims.map((c) => c.id).sort()).toEqual([s.a.claimId, s.b.claimId].sort());
    expect(fact.state).toBe("conflicting");
    expect(await db.claim.count({ where: { factId: s.b.factId, status: "confirmed" } })).toBe(0);

    const entity = await db.entity.findUniqueOrThrow({ where: { workspaceId_key: { workspaceId: ws.id, key: s.mainKey } } });
    expect(entity).toMatchObject({ name: s.main, aliases: [s.variant] });
    const events = await db.auditEvent.findMany({ where: { workspaceId: ws.id, action: "entity.merged", targetId: entity.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ key: s.mainKey, name: s.main, merged: [{ key: s.variantKey, name: s.variant }], claims: 2 });

    // The list shows one entity with its alias and all three claims.
    const listed = await entities.list(ws.id, { q: s.variant, page: 1, pageSize: 25 });
    expect(listed.rows).toEqual([expect.objectContaining({ key: s.mainKey, name: s.main, aliases: [s.variant], claims: 3 })]);
  });

  it("marks a resolved fact stale when the merge moves every claim behind it away", async () => {
    const s = await twoSpellings();
    const { version } = await db.fact.findUniqueOrThrow({ where: { id: s.b.factId }, select: { version: true } });
    unwrap(await resolveFact(ws.actors.editor, { workspaceId: ws.id, factId: s.b.factId, preferredClaimId: s.b.claimId, version, rationale: "Only one report so far." }));
    unwrap(await merge(ws.actors.researcher, s.mainKey, [{ key: s.mainKey, aliases: [] }, { key: s.variantKey, aliases: [] }]));
    const emptied = await db.fact.findUniqueOrThrow({ where: { id: s.b.factId }, select: { stale: true, claims: { select: { id: true } } } });
    expect(emptied).toEqual({ stale: true, claims: [] });
  });

  it("is idempotent: the same merge again changes nothing", async () => {
    const s = await twoSpellings();
    const seen = [{ key: s.mainKey, aliases: [] }, { key: s.variantKey, aliases: [] }];
    unwrap(await merge(ws.actors.researcher, s.mainKey, seen));
    const before = await workspaceState(ws.id);
    const again = unwrap(await merge(ws.actors.researcher, s.mainKey, seen));
    expect(again).toMatchObject({ alreadyMerged: true, claims: 0 });
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it("of two merges racing over the same entity, one succeeds and the other is refused as a conflict", async () => {
    const s = await twoSpellings();
    const third = `Quanta Three ${uniq()}`;
    await confirmedClaim(ws.id, ws.actors.researcher, `${third} raised $6 billion in its latest round.`, { subject: third, attribute: "funding_round_size", value: "6000000000", valueText: "$6 billion" });
    const thirdKey = third.toLowerCase();
    const [first, second] = await Promise.all([
      merge(ws.actors.researcher, s.mainKey, [{ key: s.mainKey, aliases: [] }, { key: s.variantKey, aliases: [] }]),
      merge(ws.actors.editor, thirdKey, [{ key: thirdKey, aliases: [] }, { key: s.variantKey, aliases: [] }]),
    ]);
    const outcomes = [first, second].map((r) => (r.ok ? "ok" : r.code)).sort();
    expect(outcomes).toEqual(["conflict", "ok"]);
    // Every claim of the variant went to exactly one survivor.
    const survivors = await db.claim.findMany({ where: { id: { in: [s.b.claimId] } }, select: { subjectKey: true } });
    expect([s.mainKey, thirdKey]).toContain(survivors[0]!.subjectKey);
    expect(await db.claim.count({ where: { workspaceId: ws.id, OR: [{ subjectKey: s.variantKey }, { counterpartyKey: s.variantKey }] } })).toBe(0);
  });

  it("refuses a merge based on an entity that changed since it was listed", async () => {
    const s = await twoSpellings();
    unwrap(await merge(ws.actors.researcher, s.mainKey, [{ key: s.mainKey, aliases: [] }, { key: s.variantKey, aliases: [] }]));
    const other = `Other ${uniq()}`;
    await confirmedClaim(ws.id, ws.actors.researcher, `${other} raised $2 billion in its latest round.`, { subject: other, attribute: "funding_round_size", value: "2000000000", valueText: "$2 billion" });
    const before = await workspaceState(ws.id);
    // The person still sees the survivor without the alias it has gained.
    const stale = await merge(ws.actors.researcher, other.toLowerCase(), [{ key: other.toLowerCase(), aliases: [] }, { key: s.mainKey, aliases: [] }]);
    expect(stale.ok ? "ok" : stale.code).toBe("conflict");
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it("is refused to viewers and to non-members, and validates its input", async () => {
    const s = await twoSpellings();
    const seen = [{ key: s.mainKey, aliases: [] }, { key: s.variantKey, aliases: [] }];
    const before = await workspaceState(ws.id);
    const viewer = await merge(ws.actors.viewer, s.mainKey, seen);
    expect(viewer.ok ? "ok" : viewer.code).toBe("forbidden");
    const outsider = await merge(ws.outsider.actor, s.mainKey, seen);
    expect(outsider.ok ? "ok" : outsider.code).toBe("not_found");
    const one = await merge(ws.actors.researcher, s.mainKey, [seen[0]!]);
    expect(one.ok ? "ok" : one.code).toBe("invalid_input");
    const survivorOutside = await merge(ws.actors.researcher, "someone else", seen);
    expect(survivorOutside.ok ? "ok" : survivorOutside.code).toBe("invalid_input");
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it("after a merge, an edit or an import that names the alias is saved as the entity", async () => {
    // Plain names (this test's own), so the extractor recognizes the alias as a company.
    const main = "Acme";
    const alias = "Acme Robotics";
    await confirmedClaim(ws.id, ws.actors.researcher, `${main} raised $3 billion in its round.`, { subject: main, attribute: "funding_round_size", value: "3000000000", valueText: "$3 billion" });
    const article = await insertArticle(ws.id, `${alias} raised $7 billion in its round.`);
    const aliasClaim = await insertClaim(ws.id, article, { subject: alias, attribute: "funding_round_size", value: "7000000000", valueText: "$7 billion" });
    unwrap(await merge(ws.actors.researcher, main.toLowerCase(), [{ key: main.toLowerCase(), aliases: [] }, { key: alias.toLowerCase(), aliases: [] }]));

    // An edit that types the alias spelling again.
    const current = await db.claim.findUniqueOrThrow({ where: { id: aliasClaim.id }, select: { version: true } });
    unwrap(await editClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: aliasClaim.id, version: current.version, subject: alias, attribute: "valuation", value: "7000000000", unit: "USD" }));
    expect(await db.claim.findUniqueOrThrow({ where: { id: aliasClaim.id }, select: { subject: true, subjectKey: true } })).toEqual({ subject: main, subjectKey: main.toLowerCase() });

    // An import whose extractor names the alias.
    const imported = await importFixtureArticle(ws.id, ws.actors.researcher, { text: `${alias} raised $2 billion in a Series C round. Reference ${uniq()}.` });
    const suggestions = await db.claim.findMany({ where: { articleId: imported.articleId }, select: { subject: true, subjectKey: true } });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((c) => c.subjectKey === main.toLowerCase() && c.subject === main), JSON.stringify(suggestions)).toBe(true);
  });
});

describe("writes during a merge", () => {
  it("an edit saved while a merge is committing waits for it, and names the merged entity, not the alias", async () => {
    const tag = uniq();
    const main = `Borealis${tag}`;
    const alias = `Borealis ${tag} Systems`;
    const article = await insertArticle(ws.id, `Someone raised $3 billion. Reference ${tag}.`);
    const claim = await insertClaim(ws.id, article, { subject: "Someone", attribute: "funding_round_size", value: "3000000000", valueText: "$3 billion" });

    // A merge in another session, between writing the alias and committing: it holds the lock
    // every merge takes, as mergeEntities does for its whole transaction.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let aliasWritten!: () => void;
    const written = new Promise<void>((resolve) => (aliasWritten = resolve));
    const merging = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`entities:${ws.id}`}))`;
      await tx.entity.create({ data: { workspaceId: ws.id, key: main.toLowerCase(), name: main, aliases: [alias] } });
      aliasWritten();
      await held;
    });
    await written;

    let settled = false;
    const editing = editClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, version: 1, subject: alias, attribute: "funding_round_size", value: "3000000000", unit: "USD" })
      .finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    release();
    await merging;
    unwrap(await editing);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { subject: true, subjectKey: true } })).toEqual({ subject: main, subjectKey: main.toLowerCase() });
  });
});

describe("undoEntityMerge", () => {
  it("restores the claims' names, keys and facts, and the entities; undoing twice changes nothing", async () => {
    const s = await twoSpellings();
    const factIds = async () => (await db.claim.findMany({ where: { id: { in: [s.a.claimId, s.b.claimId] } }, select: { id: true, factId: true } })).map((c) => c.factId).sort();
    const before = await factIds();
    const merged = unwrap(await merge(ws.actors.researcher, s.mainKey, [{ key: s.mainKey, aliases: [] }, { key: s.variantKey, aliases: [] }]));

    const undone = unwrap(await undoEntityMerge(ws.actors.editor, { workspaceId: ws.id, eventId: merged.eventId }));
    expect(undone).toMatchObject({ claims: 2, alreadyUndone: false });
    expect(await db.claim.findUniqueOrThrow({ where: { id: s.b.claimId }, select: { subject: true, subjectKey: true } })).toEqual({ subject: s.variant, subjectKey: s.variantKey });
    expect(await db.claim.findUniqueOrThrow({ where: { id: s.investor.id }, select: { counterparty: true, counterpartyKey: true } })).toEqual({ counterparty: s.variant, counterpartyKey: s.variantKey });
    expect(await factIds()).toEqual(before);
    expect(await db.fact.findUniqueOrThrow({ where: { id: s.a.factId }, select: { state: true } })).toEqual({ state: "agreed" });
    // The survivor's row existed only because of the merge, so it is gone again.
    expect(await db.entity.count({ where: { workspaceId: ws.id, key: { in: [s.mainKey, s.variantKey] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "entity.merge_undone", targetId: merged.eventId! } })).toBe(1);

    const state = await workspaceState(ws.id);
    expect(unwrap(await undoEntityMerge(ws.actors.researcher, { workspaceId: ws.id, eventId: merged.eventId }))).toMatchObject({ alreadyUndone: true });
    expect(await workspaceState(ws.id)).toEqual(state);
  });

  it("is refused when the survivor was merged with something else since, and to viewers", async () => {
    const s = await twoSpellings();
    const merged = unwrap(await merge(ws.actors.researcher, s.mainKey, [{ key: s.mainKey, aliases: [] }, { key: s.variantKey, aliases: [] }]));
    const viewer = await undoEntityMerge(ws.actors.viewer, { workspaceId: ws.id, eventId: merged.eventId });
    expect(viewer.ok ? "ok" : viewer.code).toBe("forbidden");
    const later = `Later ${uniq()}`;
    await confirmedClaim(ws.id, ws.actors.researcher, `${later} raised $8 billion in its latest round.`, { subject: later, attribute: "funding_round_size", value: "8000000000", valueText: "$8 billion" });
    unwrap(await merge(ws.actors.researcher, s.mainKey, [{ key: s.mainKey, aliases: [s.variant] }, { key: later.toLowerCase(), aliases: [] }]));
    const before = await workspaceState(ws.id);
    const refused = await undoEntityMerge(ws.actors.researcher, { workspaceId: ws.id, eventId: merged.eventId });
    expect(refused.ok ? "ok" : refused.code).toBe("conflict");
    expect(await workspaceState(ws.id)).toEqual(before);
  });
});
