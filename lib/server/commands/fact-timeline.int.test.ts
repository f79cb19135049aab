// Resolving a fact to values over time: the timeline is validated against the fact's unit
// and claims, stored on the fact and in its history, ranks the claims, and a later claim
// reopens the fact only when it fits no value of the timeline at its date.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Modality } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { auditEventsFor, confirmedClaim, createWorkspace, insertArticle, insertClaim, uniq, unwrap, workspaceState, type TestWorkspace } from "@/lib/server/testing/fixtures";
import { decideClaim } from "./claims";
import { resolveFact } from "./facts";

const RATIONALE = "The round was announced at $2 billion in May and closed larger in June; both figures were true at their time.";

let ws: TestWorkspace;
let subject: string;
let factId: string;
/** announced: $2 billion (4 May), closed: $2.5 billion (10 Jun), stray: $1.8 billion as of 20 May. */
let ids: { announced: string; closed: string; stray: string };

async function confirmDated(text: string, value: string, valueText: string, opts: { publishedAt?: string; asOf?: string; modality?: Modality; outlet?: string }) {
  const article = await insertArticle(ws.id, text, { outlet: opts.outlet, publishedAt: opts.publishedAt ? new Date(`${opts.publishedAt}T08:00:00Z`) : undefined });
  const claim = await insertClaim(ws.id, article, { subject, attribute: "funding_round_size", value, valueText });
  await db.claim.update({ where: { id: claim.id }, data: { asOf: opts.asOf ? new Date(`${opts.asOf}T00:00:00Z`) : null, modality: opts.modality ?? null } });
  const decided = unwrap(await decideClaim(ws.actors.researcher, { workspaceId: ws.id, claimId: claim.id, decision: "confirm", version: claim.version }));
  return { claimId: claim.id, factId: decided.factId! };
}

const row = (value: string, asOf: string, modality: string | null, claimIds: string[]) => ({ value, low: null, high: null, asOf, modality, claimIds });
const twoValues = () => [row("2000000000", "2026-05-04", "announced", [ids.announced]), row("2,500,000,000", "2026-06-10", "completed", [ids.closed])];
const factRow = () => db.fact.findUniqueOrThrow({ where: { id: factId } });
const resolveTimeline = async (timeline: unknown, actor = ws.actors.editor, version?: number) =>
  resolveFact(actor, { workspaceId: ws.id, factId, mode: "timeline", timeline, rationale: RATIONALE, version: version ?? (await factRow()).version });

beforeAll(async () => {
  ws = await createWorkspace("fact-timeline");
});

beforeEach(async () => {
  subject = `Zephyr ${uniq()}`;
  const announced = await confirmDated(`${subject} announced a $2 billion round.`, "2000000000", "$2 billion", { publishedAt: "2026-05-04", modality: "announced", outlet: "Example Wire" });
  const closed = await confirmDated(`${subject} closed its round at $2.5 billion.`, "2500000000", "$2.5 billion", { publishedAt: "2026-06-10", modality: "completed", outlet: "Sample Times" });
  const stray = await confirmDated(`${subject} had $1.8 billion in commitments.`, "1800000000", "$1.8 billion", { publishedAt: "2026-05-21", asOf: "2026-05-20", outlet: "Rumour Mill" });
  expect(new Set([announced.factId, closed.factId, stray.factId]).size).toBe(1);
  factId = announced.factId;
  ids = { announced: announced.claimId, closed: closed.claimId, stray: stray.claimId };
});

describe("resolveFact to a timeline", () => {
  it("stores the timeline with the latest value as accepted, ranks the claims and keeps the resolution in history", async () => {
    const before = await factRow();
    expect(before.state).toBe("conflicting");
    unwrap(await resolveTimeline(twoValues()));

    const expected = [
      { value: "2000000000", low: null, high: null, asOf: "2026-05-04", modality: "announced", claimIds: [ids.announced] },
      { value: "2500000000", low: null, high: null, asOf: "2026-06-10", modality: "completed", claimIds: [ids.closed] },
    ];
    const fact = await factRow();
    expect(fact).toMatchObject({ state: "resolved", stale: false, acceptedValue: "2500000000", acceptedTimeline: expected, rationale: RATIONALE, version: before.version + 1 });

    const ranks = await db.claim.findMany({ where: { factId }, select: { id: true, rank: true, rankReason: true } });
    expect(ranks).toEqual(expect.arrayContaining([
      { id: ids.closed, rank: "preferred", rankReason: RATIONALE },
      { id: ids.announced, rank: "normal", rankReason: null },
      { id: ids.stray, rank: "deprecated", rankReason: RATIONALE },
    ]));

    const history = await db.factResolution.findMany({ where: { factId } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ timeline: expected, acceptedValue: "2500000000", rationale: RATIONALE, createdById: ws.users.editor.id });
    expect((await auditEventsFor("fact", factId)).filter((e) => e.action === "fact.resolved")).toEqual([
      expect.objectContaining({ actorId: ws.users.editor.id, data: { timeline: expected.map((e) => ({ value: e.value, low: e.low, high: e.high, asOf: e.asOf, modality: e.modality })) } }),
    ]);
  });

  it.each([
    ["a single value", () => [row("2000000000", "2026-05-04", "announced", [ids.announced])], "timeline", /at least two values/],
    ["dates going backwards", () => [twoValues()[1], twoValues()[0]], "timeline.1.asOf", /Row 2: dates must go forward/],
    ["two rows on one day without a later stage", () => [row("2000000000", "2026-05-04", "completed", [ids.announced]), row("2500000000", "2026-05-04", "announced", [ids.closed])], "timeline.1.asOf", /Row 2/],
    ["a missing date", () => [twoValues()[0], { ...twoValues()[1], asOf: "" }], "timeline.1.asOf", /Row 2: Give each value the date/],
    ["a date that is not a calendar day", () => [twoValues()[0], { ...twoValues()[1], asOf: "2026-13-45" }], "timeline.1.asOf", /Row 2: Enter a date like 2026-02-27/],
    ["a figure that is not a plain number", () => [{ ...twoValues()[0], value: "$2bn" }, twoValues()[1]], "timeline.0.value", /Row 1: enter a plain number in USD/],
    ["a value and a range at once", () => [{ ...twoValues()[0], low: "1", high: "3" }, twoValues()[1]], "timeline.0.value", /Row 1: enter either one value or a range/],
    ["a row without supporting claims", () => [twoValues()[0], { ...twoValues()[1], claimIds: [] }], "timeline.1.claimIds", /Row 2: Choose at least one claim/],
    ["a claim that does not support the row's value", () => [twoValues()[0], { ...twoValues()[1], claimIds: [ids.announced] }], "timeline.1.claimIds", /Row 2: the claim from Example Wire says \$2 billion, which does not support \$2\.5 billion/],
  ])("refuses %s with a message for the row, and writes nothing", async (_name, timeline, field, message) => {
    const before = await workspaceState(ws.id);
    const result = await resolveTimeline(timeline());
    expect(result).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringMatching(message) });
    expect(result.ok ? {} : result.details?.fields).toHaveProperty([field]);
    expect(await workspaceState(ws.id)).toEqual(before);
  });

  it("refuses a supporting claim from another fact", async () => {
    const other = await confirmedClaim(ws.id, ws.actors.researcher, `${subject} hired 2,000 engineers, a $2.5 billion bet.`, { subject: `${subject} Other`, attribute: "funding_round_size", value: "2500000000", valueText: "$2.5 billion" });
    const result = await resolveTimeline([twoValues()[0], { ...twoValues()[1], claimIds: [other.claimId] }]);
    expect(result).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringContaining("not one of this fact's confirmed claims") });
    expect((await factRow()).state).toBe("conflicting");
  });

  it("refuses a researcher and a stale version", async () => {
    expect(await resolveTimeline(twoValues(), ws.actors.researcher)).toMatchObject({ ok: false, code: "forbidden" });
    const { version } = await factRow();
    unwrap(await resolveTimeline(twoValues(), ws.actors.editor, version));
    expect(await resolveTimeline(twoValues(), ws.actors.owner, version)).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.factResolution.count({ where: { factId } })).toBe(1);
  });

  it("stays resolved for a later report of an earlier value, reopens (stale) for a value the timeline does not hold at its date", async () => {
    unwrap(await resolveTimeline(twoValues()));

    // A July article recalling the May announcement fits the first value.
    await confirmDated(`${subject} first announced $2 billion, back in May.`, "2000000000", "$2 billion", { publishedAt: "2026-07-01", outlet: "Recap Daily" });
    expect(await factRow()).toMatchObject({ state: "resolved", stale: false });

    // A report that the round stood at $2 billion as of July contradicts the $2.5 billion close.
    const late = await confirmDated(`${subject} says its round is $2 billion as of July.`, "2000000000", "$2 billion", { publishedAt: "2026-07-02", asOf: "2026-07-01", outlet: "Third Herald" });
    expect(late.factId).toBe(factId);
    expect(await factRow()).toMatchObject({ state: "conflicting", stale: true });
  });

  it("switching back to one accepted value clears the timeline and keeps both resolutions in history", async () => {
    unwrap(await resolveTimeline(twoValues()));
    const { version } = await factRow();
    unwrap(await resolveFact(ws.actors.editor, { workspaceId: ws.id, factId, preferredClaimId: ids.closed, version, rationale: "Only the closing figure matters for this brief." }));
    const fact = await factRow();
    expect(fact).toMatchObject({ state: "resolved", acceptedValue: "2500000000", acceptedTimeline: null });
    const history = await db.factResolution.findMany({ where: { factId }, orderBy: { createdAt: "asc" }, select: { timeline: true } });
    expect(history.map((h) => (h.timeline as unknown[] | null)?.length ?? null)).toEqual([2, null]);
  });
});

describe("resolveFact with the editor's own ranks", () => {
  it("ranks a claim differently with its own reason, kept on the claim and in the history", async () => {
    const reason = "The figure comes from commitments, not the round itself.";
    unwrap(await resolveTimeline(twoValues()));
    const { version } = await factRow();
    const result = await resolveFact(ws.actors.editor, {
      workspaceId: ws.id, factId, mode: "timeline", timeline: twoValues(), rationale: RATIONALE, version,
      ranks: [{ claimId: ids.stray, rank: "normal", reason }, { claimId: ids.announced, rank: "preferred", reason: "" }],
    });
    unwrap(result);
    const ranks = await db.claim.findMany({ where: { factId }, select: { id: true, rank: true, rankReason: true } });
    expect(ranks).toEqual(expect.arrayContaining([
      { id: ids.stray, rank: "normal", rankReason: reason },
      { id: ids.announced, rank: "preferred", rankReason: RATIONALE },
      { id: ids.closed, rank: "preferred", rankReason: RATIONALE },
    ]));
    const latest = await db.factResolution.findFirstOrThrow({ where: { factId }, orderBy: { createdAt: "desc" } });
    expect(latest.ranks).toEqual(expect.arrayContaining([{ claimId: ids.stray, rank: "normal", reason }, { claimId: ids.announced, rank: "preferred" }]));
  });

  it.each([
    ["the preferred claim of a one-value resolution", () => ({ mode: "value", preferredClaimId: ids.closed, ranks: [{ claimId: ids.closed, rank: "normal" }] }), /cannot be ranked normal: it is the preferred claim/],
    ["a claim supporting a timeline value", () => ({ mode: "timeline", timeline: twoValues(), ranks: [{ claimId: ids.announced, rank: "deprecated", reason: "Old." }] }), /cannot be ranked deprecated: it supports value 1/],
    ["a claim of another fact", () => ({ mode: "value", preferredClaimId: ids.closed, ranks: [{ claimId: "not-a-claim-of-this-fact", rank: "deprecated" }] }), /not one of this fact's confirmed claims/],
  ])("refuses to demote %s, and writes nothing", async (_name, input, message) => {
    const before = await workspaceState(ws.id);
    const result = await resolveFact(ws.actors.editor, { workspaceId: ws.id, factId, rationale: RATIONALE, version: (await factRow()).version, ...input() });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringMatching(message) });
    expect(await workspaceState(ws.id)).toEqual(before);
  });
});
