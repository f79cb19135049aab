import "server-only";
import type { Suggestion } from "@/lib/extract";
import { entityKey } from "@/lib/extract";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "./audit";

const listFields = { id: true, title: true, outlet: true, author: true, publishedAt: true, createdAt: true, url: true } as const;

export type NewArticle = {
  workspaceId: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
  text: string;
  textHash: string;
  sourceKind: string;
  createdById: string;
};

export const articles = {
  findByHash: (workspaceId: string, textHash: string) =>
    db.article.findUnique({ where: { workspaceId_textHash: { workspaceId, textHash } }, select: { id: true, title: true } }),

  get: (workspaceId: string, id: string) =>
    db.article.findFirst({ where: { id, workspaceId }, select: { ...listFields, text: true, revision: true } }),

  /** Newest first, keyset-paginated on (createdAt, id). */
  async list(workspaceId: string, cursor: string | null, take = 25) {
    const rows = await db.article.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { ...listFields, _count: { select: { claims: true } } },
    });
    const ids = rows.map((r) => r.id);
    const pending = await db.claim.groupBy({ by: ["articleId"], where: { articleId: { in: ids }, status: "suggested" }, _count: true });
    const pendingBy = new Map(pending.map((p) => [p.articleId, p._count]));
    const page = rows.slice(0, take).map((r) => ({ ...r, claimCount: r._count.claims, pendingCount: pendingBy.get(r.id) ?? 0 }));
    return { articles: page, nextCursor: rows.length > take ? (page[page.length - 1]?.id ?? null) : null };
  },

  /** The article and its suggestions in one transaction: a failed import leaves nothing. */
  create: (article: NewArticle, suggestions: Suggestion[], extractor: { name: string; version: string }, tx?: Tx) =>
    tx ? createArticle(tx, article, suggestions, extractor) : db.$transaction((t) => createArticle(t, article, suggestions, extractor)),
};

async function createArticle(tx: Tx, article: NewArticle, suggestions: Suggestion[], extractor: { name: string; version: string }) {
      const created = await tx.article.create({ data: article, select: { id: true } });
      if (suggestions.length) {
        await tx.claim.createMany({
          data: suggestions.map((s) => ({
            workspaceId: article.workspaceId,
            articleId: created.id,
            subject: s.subject,
            subjectKey: entityKey(s.subject),
            attribute: s.attribute,
            value: s.value,
            low: s.low,
            high: s.high,
            unit: s.unit,
            valueText: s.valueText,
            counterparty: s.counterparty,
            counterpartyKey: s.counterparty ? entityKey(s.counterparty) : "",
            modality: s.modality,
            basis: s.basis,
            asOf: s.asOf ? new Date(`${s.asOf}T00:00:00Z`) : null,
            start: s.start,
            end: s.end,
            sentenceStart: s.sentenceStart,
            sentenceEnd: s.sentenceEnd,
            confidence: s.confidence,
            extractor: extractor.name,
            extractorVersion: extractor.version,
          })),
        });
      }
      await audit.record(tx, {
        workspaceId: article.workspaceId,
        actorId: article.createdById,
        action: "article.imported",
        targetType: "article",
        targetId: created.id,
        data: { title: article.title, suggestions: suggestions.length, source: article.sourceKind },
      });
      return created;
}

