import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { sameValue } from "@/lib/reconcile/facts";
import { decideExplanationInput, resolveFactInput } from "@/lib/validations/facts";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
import { dec } from "@/lib/server/data/facts";

/**
 * An editor accepts one confirmed claim's value: it is ranked preferred, claims with the same
 * value stay normal, the others are deprecated, and the resolution is kept in history.
 */
export async function resolveFact(actor: Actor | null, raw: unknown): Promise<Result<{ factId: string; slug: string }>> {
  const input = resolveFactInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);

  const who = await authorize(actor, input.data.workspaceId, "facts.resolve");
  if (!who.ok) return who;

  const fact = await db.fact.findFirst({
    where: { id: input.data.factId, workspaceId: who.workspaceId },
    select: { id: true, version: true, claims: { where: { status: "confirmed" }, select: { id: true, value: true, low: true, high: true, unit: true } } },
  });
  if (!fact) return fail("not_found", "This fact no longer exists.");
  if (fact.version !== input.data.version) return fail("conflict", "Someone else changed this fact in the meantime. Reload to see the current resolution.");
  const plain = fact.claims.map((c) => ({ id: c.id, value: dec(c.value), low: dec(c.low), high: dec(c.high), unit: c.unit }));
  const preferred = plain.find((c) => c.id === input.data.preferredClaimId);
  if (!preferred) return fail("invalid_input", "Choose one of this fact's confirmed claims as the preferred one.");

  const ranks = plain.map((c) => ({ claimId: c.id, rank: c.id === preferred.id ? "preferred" : sameValue(c, preferred) ? "normal" : "deprecated" }) as const);
  const updated = await db.$transaction(async (tx) => {
    const bumped = await tx.fact.updateMany({
      where: { id: fact.id, version: input.data.version },
      data: {
        state: "resolved", stale: false, acceptedValue: preferred.value, acceptedLow: preferred.low, acceptedHigh: preferred.high,
        rationale: input.data.rationale, resolvedById: who.userId, resolvedAt: new Date(), version: { increment: 1 },
      },
    });
    if (bumped.count === 0) return false;
    for (const rank of ["preferred", "normal", "deprecated"] as const) {
      const ids = ranks.filter((r) => r.rank === rank).map((r) => r.claimId);
      if (ids.length) await tx.claim.updateMany({ where: { id: { in: ids } }, data: { rank, rankReason: rank === "normal" ? null : input.data.rationale } });
    }
    await tx.factResolution.create({
      data: { factId: fact.id, acceptedValue: preferred.value, acceptedLow: preferred.low, acceptedHigh: preferred.high, ranks, rationale: input.data.rationale, createdById: who.userId },
    });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "fact.resolved", targetType: "fact", targetId: fact.id, data: { preferredClaimId: preferred.id } });
    return true;
  });
  if (!updated) return fail("conflict", "Someone else changed this fact in the meantime. Reload to see the current resolution.");
  return ok({ factId: fact.id, slug: who.slug });
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
