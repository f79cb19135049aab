import "server-only";
import {
  checkValues, checksByFact, explainDisagreements, factTimeline, independentSources, reconcileSettings, runConsistencyChecks, suggestAcceptedTimeline,
  type CheckFact, type ReconcileClaim, type ReconcileSettings,
} from "@/lib/reconcile";
import { db } from "@/lib/server/db";
import { parseAcceptedTimeline } from "@/lib/validations/facts";

// Reads facts with their confirmed claims in the shape lib/reconcile takes, and runs the
// explanations, timeline, independent-source count and cross-fact checks for the pages.

export const reconcileClaimFields = {
  id: true, value: true, low: true, high: true, unit: true, valueText: true, subjectKey: true, attribute: true, counterparty: true,
  counterpartyKey: true, basis: true, modality: true, asOf: true, rank: true, reviewedAt: true,
  citations: { take: 1, orderBy: { createdAt: "asc" as const }, select: { exact: true } },
  article: { select: { id: true, outlet: true, title: true, publishedAt: true } },
} as const;

export type ReconcileClaimRow = {
  id: string; value: string | null; low: string | null; high: string | null; unit: string; valueText: string; subjectKey: string; attribute: string;
  counterparty: string | null; counterpartyKey: string; basis: string | null; modality: string | null; asOf: Date | null;
  rank: "preferred" | "normal" | "deprecated"; reviewedAt: Date | null; citations: { exact: string }[];
  article: { id: string; outlet: string | null; title: string; publishedAt: Date | null };
};

export function toReconcileClaim(c: ReconcileClaimRow): ReconcileClaim {
  return {
    id: c.id, value: c.value, low: c.low, high: c.high, unit: c.unit, valueText: c.valueText, subjectKey: c.subjectKey, attribute: c.attribute,
    counterparty: c.counterparty, counterpartyKey: c.counterpartyKey, basis: c.basis, modality: c.modality, asOf: c.asOf, rank: c.rank,
    confirmedAt: c.reviewedAt, quote: c.citations[0]?.exact ?? null, article: c.article,
  };
}

export async function workspaceReconcileSettings(workspaceId: string, client: Pick<typeof db, "workspace"> = db): Promise<ReconcileSettings> {
  const ws = await client.workspace.findUnique({ where: { id: workspaceId }, select: { settings: true } });
  return reconcileSettings(ws?.settings ?? {});
}

type FactRow = {
  id: string; subjectKey: string; attribute: string; unit: string; resolvedAt: Date | null;
  acceptedValue: string | null; acceptedLow: string | null; acceptedHigh: string | null; acceptedTimeline: unknown; claims: ReconcileClaimRow[];
};

const factFields = {
  id: true, subjectKey: true, attribute: true, unit: true, resolvedAt: true, acceptedValue: true, acceptedLow: true, acceptedHigh: true, acceptedTimeline: true,
  claims: { where: { status: "confirmed" as const }, select: reconcileClaimFields },
} as const;

function checkFact(f: FactRow, settings: ReconcileSettings): CheckFact {
  const claims = f.claims.map(toReconcileClaim);
  const resolution = f.resolvedAt
    ? { accepted: { value: f.acceptedValue, low: f.acceptedLow, high: f.acceptedHigh, unit: f.unit }, timeline: parseAcceptedTimeline(f.acceptedTimeline) }
    : null;
  const first = f.claims[0];
  return {
    id: f.id, subjectKey: f.subjectKey, attribute: f.attribute,
    qualifiers: { counterpartyKey: first?.counterpartyKey || null, counterparty: first?.counterparty ?? null, basis: first?.basis ?? null },
    values: checkValues(claims, resolution, settings),
  };
}

/** The consistency checks of the workspace, keyed by every fact each one touches. */
export async function workspaceChecks(workspaceId: string, subjectKey?: string) {
  const settings = await workspaceReconcileSettings(workspaceId);
  const rows = (await db.fact.findMany({
    where: { workspaceId, ...(subjectKey ? { subjectKey } : {}), claims: { some: { status: "confirmed" } } },
    select: factFields,
  })) as FactRow[];
  return checksByFact(runConsistencyChecks(rows.map((f) => checkFact(f, settings)), settings));
}

/** Everything the fact page explains: disagreements, timeline, independent sources, checks. */
export async function factAnalysis(workspaceId: string, factId: string) {
  const settings = await workspaceReconcileSettings(workspaceId);
  const fact = (await db.fact.findFirst({ where: { id: factId, workspaceId }, select: factFields })) as FactRow | null;
  if (!fact) return null;
  const claims = fact.claims.map(toReconcileClaim);
  const [checkMap, decided] = await Promise.all([
    workspaceChecks(workspaceId, fact.subjectKey),
    db.factExplanation.findMany({ where: { factId }, select: { valueKey: true, kind: true, note: true, decidedAt: true, decidedById: true } }),
  ]);
  const checks = checkMap.get(fact.id) ?? [];
  const people = await db.user.findMany({ where: { id: { in: decided.map((d) => d.decidedById) } }, select: { id: true, name: true } });
  return {
    explanations: explainDisagreements(claims, settings),
    timeline: factTimeline(claims),
    /** Rows the editor's "values over time" resolution starts from. */
    suggestedTimeline: suggestAcceptedTimeline(claims, fact.unit),
    sources: independentSources(claims, settings),
    checks,
    decided: decided.map((d) => ({ ...d, decidedBy: people.find((p) => p.id === d.decidedById)?.name ?? "someone" })),
  };
}
