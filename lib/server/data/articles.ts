import "server-only";
import { randomUUID } from "node:crypto";
import type { Suggestion } from "@/lib/extract";
import { entityKey } from "@/lib/extract";
import { entities } from "./entities";
import { anchorSelectorFuzzy, describeSpan } from "@/lib/anchor/selectors";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "./audit";

const listFields = { id: true, title: true, outlet: true, author: true, publishedAt: true, createdAt: true, url: true } as const;

export type NewArticle = {
  previousId?: string | null;
  revision?: number;
  canonicalUrl?: string | null;
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
    db.article.findFirst({ where: { id, workspaceId }, select: { ...listFields, text: true, revision: true, assigneeId: true } }),

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
      // Before any claim row is touched (re-anchoring locks cited claims): a merge takes the
      // same lock first, then claim rows, so taking it later could deadlock with one.
      await entities.awaitMerges(tx, article.workspaceId);
      const created = await tx.article.create({ data: article, select: { id: true } });
      if (article.previousId) await reanchorCitations(tx, article.previousId, created.id, article.text, article.createdById);
      if (suggestions.length) await insertSuggestions(tx, article.workspaceId, created.id, suggestions, extractor);
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


/**
 * One INSERT … SELECT FROM unnest(…) for all of an article's suggestions: Prisma's createMany
 * took ~1 ms a row here, most of a bulk import's time (bench/import).
 */
export async function insertSuggestions(tx: Tx, workspaceId: string, articleId: string, suggestions: Suggestion[], extractor: { name: string; version: string }) {
  const col = <T>(pick: (s: Suggestion) => T) => suggestions.map(pick);
  await tx.$executeRaw`
    INSERT INTO "Claim" (id, "workspaceId", "articleId", subject, "subjectKey", attribute, value, low, high, unit, "valueText",
      counterparty, "counterpartyKey", modality, basis, "asOf", start, "end", "sentenceStart", "sentenceEnd", confidence,
      extractor, "extractorVersion", "updatedAt")
    SELECT u.id, ${workspaceId}, ${articleId}, u.subject, u.subject_key, u.attribute, u.value, u.low, u.high, u.unit, u.value_text,
      u.counterparty, u.counterparty_key, u.modality::"Modality", u.basis, u.as_of::date, u.start, u."end", u.sentence_start, u.sentence_end,
      u.confidence, ${extractor.name}, ${extractor.version}, now()
    FROM unnest(
      ${col(() => randomUUID())}::text[], ${col((s) => s.subject)}::text[], ${col((s) => entityKey(s.subject))}::text[],
      ${col((s) => s.attribute)}::text[], ${col((s) => s.value)}::text[], ${col((s) => s.low)}::text[], ${col((s) => s.high)}::text[],
      ${col((s) => s.unit)}::text[], ${col((s) => s.valueText)}::text[], ${col((s) => s.counterparty)}::text[],
      ${col((s) => (s.counterparty ? entityKey(s.counterparty) : ""))}::text[], ${col((s) => s.modality)}::text[], ${col((s) => s.basis)}::text[],
      ${col((s) => s.asOf)}::text[], ${col((s) => s.start)}::int[], ${col((s) => s.end)}::int[], ${col((s) => s.sentenceStart)}::int[],
      ${col((s) => s.sentenceEnd)}::int[], ${col((s) => s.confidence)}::float8[]
    ) AS u(id, subject, subject_key, attribute, value, low, high, unit, value_text, counterparty, counterparty_key, modality, basis, as_of,
      start, "end", sentence_start, sentence_end, confidence)`;
  // A subject the workspace merged into an entity ("Open AI" → "OpenAI") is saved as that entity.
  await entities.applyAliases(tx, workspaceId, articleId);
}

/** The latest revision of the article a URL was imported from, if any. */
export async function latestRevisionByUrl(workspaceId: string, url: string) {
  return db.article.findFirst({
    where: { workspaceId, OR: [{ url }, { canonicalUrl: url }], next: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, revision: true },
  });
}

/**
 * A new revision of a source: every citation into the previous revision is anchored again in
 * the new text — exactly, else approximately, never onto a changed figure — or kept as an
 * orphan with its stored quote. Citations are added, never dropped.
 */
async function reanchorCitations(tx: Tx, previousId: string, newId: string, text: string, actorId: string | null) {
  const old = await tx.citation.findMany({
    where: { articleId: previousId, orphaned: false },
    select: { claimId: true, exact: true, prefix: true, suffix: true, start: true, end: true, claim: { select: { valueText: true } } },
  });
  for (const c of old) {
    const found = anchorSelectorFuzzy(text, c, { mustContain: c.claim.valueText });
    const selector = found ? describeSpan(text, found.start, found.end) : null;
    await tx.citation.create({
      data: selector
        ? { claimId: c.claimId, articleId: newId, ...selector, createdById: actorId }
        : { claimId: c.claimId, articleId: newId, exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end, orphaned: true, createdById: actorId },
    });
  }
}
