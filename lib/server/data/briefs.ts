import "server-only";
import type { BriefSnapshot, EvidenceFact } from "@/lib/briefs/snapshot";
import { briefContentInput, type BriefContent } from "@/lib/validations/briefs";
import { db, type Tx } from "@/lib/server/db";
import { dec } from "./facts";

export const emptyBriefContent = (): BriefContent => ({ sections: [{ id: "s1", heading: "", statements: [] }] });

/** Stored JSON is re-checked on read; a row that fails is a bug, not user input. */
export function parseContent(json: unknown): BriefContent {
  return briefContentInput.parse(json);
}

export const briefs = {
  /** Briefs, newest first, each with the cited facts that were reopened or are in conflict. */
  async list(workspaceId: string) {
    const rows = await db.brief.findMany({
      where: { workspaceId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: { id: true, title: true, status: true, latestVersionNumber: true, updatedAt: true, content: true },
    });
    const cited = rows.map((r) => [...new Set(parseContent(r.content).sections.flatMap((s) => s.statements.flatMap((st) => st.factIds)))]);
    const unsettled = await db.fact.findMany({
      where: { workspaceId, id: { in: [...new Set(cited.flat())] }, OR: [{ stale: true }, { state: "conflicting" }] },
      select: { id: true, subject: true, attribute: true, stale: true },
    });
    return rows.map((r, i) => ({
      id: r.id, title: r.title, status: r.status, latestVersionNumber: r.latestVersionNumber, updatedAt: r.updatedAt,
      unsettledFacts: unsettled.filter((f) => cited[i]!.includes(f.id)),
    }));
  },

  get: (workspaceId: string, id: string) =>
    db.brief.findFirst({
      where: { id, workspaceId },
      select: {
        id: true, title: true, content: true, status: true, version: true, latestVersionNumber: true, updatedAt: true, allowIndexing: true,
        versions: { orderBy: { number: "desc" }, select: { id: true, number: true, title: true, publishedAt: true, overrideNote: true } },
        shareLinks: {
          orderBy: { createdAt: "desc" },
          select: { id: true, createdAt: true, expiresAt: true, revokedAt: true, viewCount: true, lastViewedAt: true, pinnedVersion: { select: { number: true } } },
        },
      },
    }),

  /** The evidence behind each cited fact, in the shape the pure snapshot builder takes. */
  async evidence(tx: Tx, workspaceId: string, factIds: string[]): Promise<Map<string, EvidenceFact>> {
    const rows = await tx.fact.findMany({
      where: { workspaceId, id: { in: factIds } },
      select: {
        id: true, subject: true, attribute: true, state: true, unit: true, rationale: true, stale: true,
        acceptedValue: true, acceptedLow: true, acceptedHigh: true, resolvedAt: true,
        claims: {
          where: { status: "confirmed" },
          orderBy: [{ article: { publishedAt: "asc" } }, { start: "asc" }, { id: "asc" }],
          select: {
            id: true, value: true, low: true, high: true, unit: true, rank: true, rankReason: true, modality: true, valueText: true,
            citations: { where: { orphaned: false }, select: { exact: true, prefix: true, suffix: true } },
            article: { select: { title: true, outlet: true, author: true, url: true, publishedAt: true } },
          },
        },
      },
    });
    return new Map(
      rows.map((f) => [
        f.id,
        {
          id: f.id, subject: f.subject, attribute: f.attribute, state: f.state, stale: f.stale, rationale: f.rationale,
          accepted: f.resolvedAt ? { value: dec(f.acceptedValue), low: dec(f.acceptedLow), high: dec(f.acceptedHigh), unit: f.unit } : null,
          claims: f.claims.map((c) => ({
            id: c.id, value: dec(c.value), low: dec(c.low), high: dec(c.high), unit: c.unit, rank: c.rank, rankReason: c.rankReason, modality: c.modality,
            valueText: c.valueText, citations: c.citations,
            article: { ...c.article, publishedAt: c.article.publishedAt ? c.article.publishedAt.toISOString().slice(0, 10) : null },
          })),
        },
      ]),
    );
  },

  /** Published versions of one brief, with their snapshots: for comparing and exporting. */
  async versions(workspaceId: string, briefId: string, numbers?: number[]) {
    const rows = await db.briefVersion.findMany({
      where: { briefId, brief: { workspaceId }, ...(numbers ? { number: { in: numbers } } : {}) },
      orderBy: { number: "asc" },
      select: { number: true, title: true, publishedAt: true, snapshot: true, overrideNote: true },
    });
    return rows.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString(), snapshot: r.snapshot as unknown as BriefSnapshot }));
  },
};
