import "server-only";
import { factState, qualifierKey } from "@/lib/reconcile/facts";
import { parseAcceptedTimeline } from "@/lib/validations/facts";
import { reconcileClaimFields, toReconcileClaim, workspaceReconcileSettings, type ReconcileClaimRow } from "./reconciliation";
import { db, type Tx } from "@/lib/server/db";

export const dec = (v: { toString(): string } | null) => (v == null ? null : v.toString());

export const facts = {
  /** The fact a confirmed claim answers, created on first use. */
  async attach(tx: Tx, claim: { id: string; workspaceId: string; subject: string; subjectKey: string; attribute: string; counterpartyKey: string; basis: string | null; unit: string }) {
    const key = qualifierKey({ counterpartyKey: claim.counterpartyKey, basis: claim.basis });
    const fact = await tx.fact.upsert({
      where: { workspaceId_subjectKey_attribute_qualifierKey: { workspaceId: claim.workspaceId, subjectKey: claim.subjectKey, attribute: claim.attribute, qualifierKey: key } },
      create: { workspaceId: claim.workspaceId, subject: claim.subject, subjectKey: claim.subjectKey, attribute: claim.attribute, qualifierKey: key, unit: claim.unit },
      update: {},
      select: { id: true },
    });
    await tx.claim.update({ where: { id: claim.id }, data: { factId: fact.id } });
    return fact.id;
  },

  /** Recomputes agreed / conflicting / resolved from the fact's confirmed claims. */
  async refreshState(tx: Tx, factId: string) {
    const fact = await tx.fact.findUniqueOrThrow({
      where: { id: factId },
      select: { workspaceId: true, state: true, acceptedValue: true, acceptedLow: true, acceptedHigh: true, acceptedTimeline: true, unit: true, resolvedAt: true, stale: true },
    });
    const claims = (await tx.claim.findMany({ where: { factId, status: "confirmed" }, select: reconcileClaimFields })) as ReconcileClaimRow[];
    const resolution =
      fact.resolvedAt != null
        ? {
            accepted: { value: dec(fact.acceptedValue), low: dec(fact.acceptedLow), high: dec(fact.acceptedHigh), unit: fact.unit },
            resolvedAt: fact.resolvedAt,
            timeline: parseAcceptedTimeline(fact.acceptedTimeline),
          }
        : null;
    // Agreement within each value's stated precision and the workspace's tolerance; a timeline
    // resolution is contradicted only by a claim that fits no entry at its date.
    const state = factState(claims.map(toReconcileClaim), resolution, await workspaceReconcileSettings(fact.workspaceId, tx));
    // A resolved fact that reopens, or loses every claim behind it (all moved to another
    // entity by a merge, say), makes the briefs citing it stale until someone looks again.
    const stale = fact.stale || (fact.state === "resolved" && (state === "conflicting" || claims.length === 0));
    // Always bump the version: the evidence changed, so a resolution drafted on the old
    // evidence must be refused rather than silently deprecate a claim its author never saw.
    await tx.fact.update({ where: { id: factId }, data: { state, stale, version: { increment: 1 } } });
    return state;
  },

  list: (workspaceId: string) =>
    db.fact.findMany({
      where: { workspaceId, claims: { some: { status: "confirmed" } } },
      orderBy: [{ subject: "asc" }, { attribute: "asc" }, { qualifierKey: "asc" }],
      select: {
        id: true, subject: true, attribute: true, qualifierKey: true, state: true, unit: true, stale: true,
        acceptedValue: true, acceptedLow: true, acceptedHigh: true, acceptedTimeline: true, resolvedAt: true,
        claims: { where: { status: "confirmed" }, select: { value: true, low: true, high: true, unit: true, articleId: true } },
      },
    }),

  get: (workspaceId: string, id: string) =>
    db.fact.findFirst({
      where: { id, workspaceId },
      select: {
        id: true, subject: true, attribute: true, qualifierKey: true, state: true, unit: true, stale: true, version: true,
        acceptedValue: true, acceptedLow: true, acceptedHigh: true, acceptedTimeline: true, rationale: true, resolvedAt: true,
        claims: {
          where: { status: "confirmed" },
          orderBy: [{ article: { publishedAt: "asc" } }, { start: "asc" }],
          select: {
            id: true, value: true, low: true, high: true, unit: true, valueText: true, modality: true, basis: true, asOf: true, rank: true, rankReason: true, counterparty: true,
            article: { select: { id: true, title: true, outlet: true, publishedAt: true } },
            citations: { select: { id: true, exact: true, prefix: true, suffix: true, orphaned: true, articleId: true, article: { select: { title: true } } } },
          },
        },
      },
    }),

  /** Every resolution of a fact, newest first, with who made it and the timeline it accepted (if any). */
  async history(workspaceId: string, factId: string) {
    const rows = await db.factResolution.findMany({
      where: { factId, fact: { workspaceId } },
      orderBy: { createdAt: "desc" },
      select: { id: true, rationale: true, createdAt: true, createdById: true, acceptedValue: true, acceptedLow: true, acceptedHigh: true, timeline: true },
    });
    const people = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true } });
    return rows.map(({ timeline, createdById, ...r }) => ({
      ...r, timeline: parseAcceptedTimeline(timeline), by: people.find((p) => p.id === createdById)?.name ?? "someone",
    }));
  },
};

