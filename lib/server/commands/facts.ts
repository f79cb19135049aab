import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { formatValue } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { entryValue, timelineRanks, valuesAgree, type ReconcileClaim, type ReconcileSettings } from "@/lib/reconcile";
import { sameValue } from "@/lib/reconcile/facts";
import { decideExplanationInput, resolveFactInput, timelineForUnit, type AcceptedTimelineEntry } from "@/lib/validations/facts";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
import { reconcileClaimFields, toReconcileClaim, workspaceReconcileSettings, type ReconcileClaimRow } from "@/lib/server/data/reconciliation";

type Rank = { claimId: string; rank: "preferred" | "normal" | "deprecated"; reason?: string };
type Accepted = { value: string | null; low: string | null; high: string | null; timeline: AcceptedTimelineEntry[] | null; ranks: Rank[]; audit: Prisma.InputJsonObject };
const CONFLICT = "Someone else changed this fact in the meantime. Reload to see the current resolution.";

/**
 * An editor resolves a fact, either to one confirmed claim's value (it is ranked preferred,
 * claims with the same value stay normal, the others are deprecated) or to values over time
 * (the latest value's claims preferred, earlier values' normal, claims that fit no entry
 * deprecated; see lib/reconcile/accepted). The editor may rank any claim differently, with a
 * reason, except against the choice itself (the preferred claim stays preferred; a claim
 * supporting a timeline value is not deprecated). The accepted value is the single value, or
 * the timeline's latest. Every resolution is kept in history; a stale version is refused.
 */
export async function resolveFact(actor: Actor | null, raw: unknown): Promise<Result<{ factId: string; slug: string }>> {
  const input = resolveFactInput.safeParse(raw);
  if (!input.success) {
    const fields = timelineFieldErrors(input.error.issues);
    return fail("invalid_input", Object.values(fields)[0] ?? input.error.issues[0]?.message, { fields });
  }

  const who = await authorize(actor, input.data.workspaceId, "facts.resolve");
  if (!who.ok) return who;

  const fact = await db.fact.findFirst({
    where: { id: input.data.factId, workspaceId: who.workspaceId },
    select: { id: true, version: true, unit: true, claims: { where: { status: "confirmed" }, select: reconcileClaimFields } },
  });
  if (!fact) return fail("not_found", "This fact no longer exists.");
  if (fact.version !== input.data.version) return fail("conflict", CONFLICT);
  const claims = (fact.claims as ReconcileClaimRow[]).map(toReconcileClaim);

  let accepted: Accepted;
  if (input.data.mode === "value") {
    const preferred = claims.find((c) => c.id === (input.data as { preferredClaimId: string }).preferredClaimId);
    if (!preferred) return fail("invalid_input", "Choose one of this fact's confirmed claims as the preferred one.");
    accepted = {
      value: preferred.value, low: preferred.low, high: preferred.high, timeline: null,
      ranks: claims.map((c) => ({ claimId: c.id, rank: c.id === preferred.id ? "preferred" : sameValue(c, preferred) ? "normal" : "deprecated" })),
      audit: { preferredClaimId: preferred.id },
    };
  } else {
    const checked = timelineForUnit(input.data.timeline, fact.unit);
    if (!checked.ok) return fail("invalid_input", checked.message, { fields: checked.fields });
    const settings = await workspaceReconcileSettings(who.workspaceId);
    const problem = unsupportedRow(checked.entries, claims, fact.unit, settings);
    if (problem) return fail("invalid_input", problem.message, { fields: { [problem.field]: problem.message } });
    const latest = checked.entries.at(-1)!;
    accepted = {
      value: latest.value, low: latest.low, high: latest.high, timeline: checked.entries,
      ranks: timelineRanks(claims, checked.entries, fact.unit, settings),
      audit: { timeline: checked.entries.map((e) => ({ value: e.value, low: e.low, high: e.high, asOf: e.asOf, modality: e.modality })) },
    };
  }

  // The editor's own ranks and reasons, within what the resolution allows.
  const locked = new Map<string, string>(
    accepted.timeline
      ? accepted.timeline.flatMap((e, i) => e.claimIds.map((id) => [id, `it supports value ${i + 1} of the timeline; take it out of that row first`] as const))
      : accepted.ranks.filter((r) => r.rank === "preferred").map((r) => [r.claimId, "it is the preferred claim; choose another preferred claim instead"] as const),
  );
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const o of input.data.ranks) {
    const c = byId.get(o.claimId);
    if (!c) return fail("invalid_input", "A ranked claim is not one of this fact's confirmed claims. Reload the page and rank again.");
    const why = locked.get(o.claimId);
    const demoted = accepted.timeline ? o.rank === "deprecated" : o.rank !== "preferred";
    if (why && demoted) {
      const message = `The claim from ${c.article?.outlet ?? c.article?.title ?? "one article"} (${formatValue(c)}) cannot be ranked ${o.rank}: ${why}.`;
      return fail("invalid_input", message, { fields: { [`ranks.${o.claimId}`]: message } });
    }
  }
  const overrides = new Map(input.data.ranks.map((o) => [o.claimId, o]));
  accepted.ranks = accepted.ranks.map((r) => {
    const o = overrides.get(r.claimId);
    return o ? { claimId: r.claimId, rank: o.rank, ...(o.reason ? { reason: o.reason } : {}) } : r;
  });
  if (overrides.size) accepted.audit = { ...accepted.audit, ranked: input.data.ranks.map((o) => ({ claimId: o.claimId, rank: o.rank })) };

  const { rationale, version } = input.data;
  const timelineJson = accepted.timeline ?? Prisma.DbNull;
  const updated = await db.$transaction(async (tx) => {
    const bumped = await tx.fact.updateMany({
      where: { id: fact.id, version },
      data: {
        state: "resolved", stale: false, acceptedValue: accepted.value, acceptedLow: accepted.low, acceptedHigh: accepted.high, acceptedTimeline: timelineJson,
        rationale, resolvedById: who.userId, resolvedAt: new Date(), version: { increment: 1 },
      },
    });
    if (bumped.count === 0) return false;
    // A preferred or deprecated rank carries a reason (the editor's, else the rationale), as in Wikidata.
    for (const rank of ["preferred", "normal", "deprecated"] as const) {
      const ids = accepted.ranks.filter((r) => r.rank === rank && !r.reason).map((r) => r.claimId);
      if (ids.length) await tx.claim.updateMany({ where: { id: { in: ids } }, data: { rank, rankReason: rank === "normal" ? null : rationale } });
    }
    for (const r of accepted.ranks.filter((x) => x.reason)) await tx.claim.update({ where: { id: r.claimId }, data: { rank: r.rank, rankReason: r.reason } });
    await tx.factResolution.create({
      data: {
        factId: fact.id, acceptedValue: accepted.value, acceptedLow: accepted.low, acceptedHigh: accepted.high, timeline: timelineJson,
        ranks: accepted.ranks, rationale, createdById: who.userId,
      },
    });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "fact.resolved", targetType: "fact", targetId: fact.id, data: accepted.audit });
    return true;
  });
  if (!updated) return fail("conflict", CONFLICT);
  return ok({ factId: fact.id, slug: who.slug });
}

/** Zod issues inside the timeline, keyed "timeline.<row>.<field>" for the form's rows. */
function timelineFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.path[0] !== "timeline") continue;
    const [, row, field] = issue.path;
    const key = typeof row === "number" ? `timeline.${row}.${String(field ?? "value")}` : "timeline";
    out[key] ??= typeof row === "number" ? `Row ${row + 1}: ${issue.message.replace(/^Row \d+: /, "")}` : issue.message;
  }
  return out;
}

/**
 * The first row whose supporting claims are not this fact's confirmed claims, or say a value
 * that does not agree with the row's (the same agreement, with the workspace tolerance, as
 * everywhere): evidence must back the value it is cited for.
 */
function unsupportedRow(entries: readonly AcceptedTimelineEntry[], claims: readonly ReconcileClaim[], unit: string, settings: ReconcileSettings) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const [i, e] of entries.entries()) {
    const field = `timeline.${i}.claimIds`;
    for (const id of e.claimIds) {
      const c = byId.get(id);
      if (!c) return { field, message: `Row ${i + 1}: a supporting claim is not one of this fact's confirmed claims. Reload the page and choose again.` };
      if (!valuesAgree(c, entryValue(e, unit), settings)) {
        const where = c.article?.outlet ?? c.article?.title ?? "one article";
        return { field, message: `Row ${i + 1}: the claim from ${where} says ${formatValue(c)}, which does not support ${formatValue(entryValue(e, unit))}.` };
      }
    }
  }
  return null;
}

/** A researcher accepts the suggested explanation of a disagreement, or records another. */
export async function decideExplanation(actor: Actor | null, raw: unknown): Promise<Result<{ factId: string; slug: string }>> {
  const input = decideExplanationInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "claims.review");
  if (!who.ok) return who;
  const fact = await db.fact.findFirst({ where: { id: input.data.factId, workspaceId: who.workspaceId }, select: { id: true } });
  if (!fact) return fail("not_found", "This fact no longer exists.");
  const { valueKey, kind, note } = input.data;
  await db.$transaction(async (tx) => {
    const saved = await tx.factExplanation.upsert({
      where: { factId_valueKey: { factId: fact.id, valueKey } },
      create: { factId: fact.id, valueKey, kind, note, decidedById: who.userId },
      update: { kind, note, decidedById: who.userId, decidedAt: new Date() },
      select: { id: true },
    });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "fact.explanation_decided", targetType: "fact", targetId: fact.id, data: { explanationId: saved.id, valueKey, kind } });
  });
  return ok({ factId: fact.id, slug: who.slug });
}
