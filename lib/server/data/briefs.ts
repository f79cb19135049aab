import "server-only";
import type { BriefSnapshot, EvidenceFact } from "@/lib/briefs/snapshot";
import { parseTimeline, timelineSummary } from "@/lib/briefs/timeline";
import type { BriefStatus } from "@/lib/briefs/workflow";
import { formatValue, humanize } from "@/lib/format";
import { distinctValues } from "@/lib/reconcile/facts";
import { briefContentInput, type BriefContent } from "@/lib/validations/briefs";
import { db, type Tx } from "@/lib/server/db";
import { dec } from "./facts";

export const emptyBriefContent = (): BriefContent => ({ sections: [{ id: "s1", heading: "", statements: [] }] });

/** Stored JSON is re-checked on read; a row that fails is a bug, not user input. */
export function parseContent(json: unknown): BriefContent {
  return briefContentInput.parse(json);
}

const versionChangingActions = ["brief.created", "brief.saved", "brief.drafted", "brief.sent_for_review", "brief.returned_to_draft", "brief.published"];

async function userNames(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id != null))];
  const users = unique.length ? await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

const factOptionSelect = {
  id: true, subject: true, attribute: true, qualifierKey: true, state: true, unit: true, stale: true,
  acceptedValue: true, acceptedLow: true, acceptedHigh: true, acceptedTimeline: true, resolvedAt: true,
  claims: { where: { status: "confirmed" as const, rank: { not: "deprecated" as const } }, select: { value: true, low: true, high: true, unit: true } },
} as const;

type FactOptionRow = {
  id: string; subject: string; attribute: string; qualifierKey: string; state: "agreed" | "conflicting" | "resolved"; unit: string; stale: boolean;
  acceptedValue: { toString(): string } | null; acceptedLow: { toString(): string } | null; acceptedHigh: { toString(): string } | null;
  acceptedTimeline: unknown; resolvedAt: Date | null;
  claims: { value: { toString(): string } | null; low: { toString(): string } | null; high: { toString(): string } | null; unit: string }[];
};

/** A fact as the citation picker shows it: what it is about, its value(s) and its state. */
export type FactOption = { id: string; label: string; value: string; state: "agreed" | "conflicting" | "resolved"; stale: boolean };

function factOption(f: FactOptionRow): FactOption {
  const timeline = f.resolvedAt ? parseTimeline(f.acceptedTimeline) : null;
  const accepted = f.resolvedAt ? { value: dec(f.acceptedValue), low: dec(f.acceptedLow), high: dec(f.acceptedHigh), unit: f.unit } : null;
  const value = timeline
    ? timelineSummary(timeline, f.unit)
    : (accepted ? [accepted] : distinctValues(f.claims.map((c) => ({ value: dec(c.value), low: dec(c.low), high: dec(c.high), unit: c.unit })))).map(formatValue).join(" / ");
  return {
    id: f.id, label: `${f.subject} · ${humanize(f.attribute)}${f.qualifierKey ? ` (${f.qualifierKey})` : ""}`, value, state: f.state, stale: f.stale,
  };
}

export const briefs = {
  /** Briefs, newest first, each with the cited facts that were reopened or are in conflict and its open review comments. */
  async list(workspaceId: string, status?: BriefStatus) {
    const rows = await db.brief.findMany({
      where: { workspaceId, ...(status ? { status } : {}) },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: { id: true, title: true, status: true, latestVersionNumber: true, updatedAt: true, content: true },
    });
    const cited = rows.map((r) => [...new Set(parseContent(r.content).sections.flatMap((s) => s.statements.flatMap((st) => st.factIds)))]);
    const unsettled = await db.fact.findMany({
      where: { workspaceId, id: { in: [...new Set(cited.flat())] }, OR: [{ stale: true }, { state: "conflicting" }] },
      select: { id: true, subject: true, attribute: true, stale: true },
    });
    const open = await db.briefComment.groupBy({ by: ["briefId"], where: { briefId: { in: rows.map((r) => r.id) }, resolvedAt: null }, _count: { _all: true } });
    const openByBrief = new Map(open.map((o) => [o.briefId, o._count._all]));
    return rows.map((r, i) => ({
      id: r.id, title: r.title, status: r.status, latestVersionNumber: r.latestVersionNumber, updatedAt: r.updatedAt,
      unsettledFacts: unsettled.filter((f) => cited[i]!.includes(f.id)),
      openComments: openByBrief.get(r.id) ?? 0,
    }));
  },

  /** Review comments on one brief, oldest first, with their authors' and resolvers' names. */
  async comments(workspaceId: string, briefId: string) {
    const rows = await db.briefComment.findMany({
      where: { briefId, brief: { workspaceId } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, statementId: true, authorId: true, body: true, resolvedAt: true, resolvedById: true, createdAt: true },
    });
    const names = await userNames(rows.flatMap((r) => [r.authorId, r.resolvedById]));
    return rows.map((r) => ({ ...r, authorName: names.get(r.authorId) ?? "A former member", resolvedByName: r.resolvedById ? (names.get(r.resolvedById) ?? "A former member") : null }));
  },

  /** Who last changed the brief, and when: for "This brief was changed by … at …". */
  async lastChange(workspaceId: string, briefId: string) {
    const event = await db.auditEvent.findFirst({
      // Only the changes that move the brief's version on: what made another session's save stale.
      where: { workspaceId, targetType: "brief", targetId: briefId, action: { in: versionChangingActions } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { actorId: true, createdAt: true },
    });
    if (!event) return null;
    const names = await userNames([event.actorId]);
    return { name: (event.actorId && names.get(event.actorId)) || "someone else", at: event.createdAt };
  },

  /**
   * Facts of the workspace matching every word typed (in the subject, the attribute or a
   * confirmed claim's words), for the citation picker: the first `limit`, and how many match.
   */
  async searchFacts(workspaceId: string, query: string, limit = 20) {
    const words = query.split(/\s+/).filter(Boolean).slice(0, 8);
    const where = {
      workspaceId,
      claims: { some: { status: "confirmed" as const } },
      AND: words.map((w) => ({
        OR: [
          { subject: { contains: w, mode: "insensitive" as const } },
          { attribute: { contains: w.replaceAll(" ", "_"), mode: "insensitive" as const } },
          { claims: { some: { status: "confirmed" as const, valueText: { contains: w, mode: "insensitive" as const } } } },
        ],
      })),
    };
    const [rows, total] = await Promise.all([
      db.fact.findMany({
        where,
        orderBy: [{ subject: "asc" }, { attribute: "asc" }, { qualifierKey: "asc" }, { id: "asc" }],
        take: limit,
        select: factOptionSelect,
      }),
      db.fact.count({ where }),
    ]);
    return { facts: rows.map(factOption), total };
  },

  /** The given facts as picker options (the ones a brief already cites), in the order given. */
  async factOptions(workspaceId: string, ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await db.fact.findMany({ where: { workspaceId, id: { in: ids } }, select: factOptionSelect });
    const byId = new Map(rows.map((r) => [r.id, factOption(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
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
        acceptedValue: true, acceptedLow: true, acceptedHigh: true, acceptedTimeline: true, resolvedAt: true,
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
          timeline: f.resolvedAt ? parseTimeline(f.acceptedTimeline) : null,
          unit: f.unit,
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
