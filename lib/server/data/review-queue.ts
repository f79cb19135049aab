import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewQueueFilters } from "@/lib/validations/claims";
import { db } from "@/lib/server/db";

export const REVIEW_PAGE_SIZE = 50;

/** The workspace's claims to review, filtered and keyset-paginated, with each claim's sentence. */
export async function reviewQueue(workspaceId: string, filters: ReviewQueueFilters, userId: string) {
  const where: Prisma.ClaimWhereInput = {
    workspaceId,
    ...(filters.status !== "all" ? { status: filters.status } : {}),
    ...(filters.article ? { articleId: filters.article } : {}),
    ...(filters.assignee === "me" ? { article: { assigneeId: userId } } : {}),
    ...(filters.subject ? { subject: { contains: filters.subject, mode: "insensitive" } } : {}),
    ...(filters.attribute ? { attribute: filters.attribute } : {}),
    ...(filters.minConfidence != null ? { confidence: { gte: filters.minConfidence } } : {}),
  };
  const orderBy: Prisma.ClaimOrderByWithRelationInput[] =
    filters.sort === "confidence" ? [{ confidence: "desc" }, { id: "asc" }] : [{ articleId: "asc" }, { start: "asc" }, { id: "asc" }];
  const rows = await db.claim.findMany({
    where,
    orderBy,
    take: REVIEW_PAGE_SIZE + 1,
    ...(filters.after ? { cursor: { id: filters.after }, skip: 1 } : {}),
    select: {
      id: true, subject: true, attribute: true, value: true, low: true, high: true, unit: true, valueText: true, counterparty: true,
      modality: true, basis: true, status: true, version: true, confidence: true, start: true, end: true, sentenceStart: true,
      article: { select: { id: true, title: true, outlet: true } },
    },
  });
  const page = rows.slice(0, REVIEW_PAGE_SIZE);
  // Only each claim's sentence leaves the database, not whole article texts.
  const sentences = page.length
    ? await db.$queryRaw<{ id: string; sentence: string }[]>`
        SELECT c.id, substring(a.text FROM c."sentenceStart" + 1 FOR c."sentenceEnd" - c."sentenceStart") AS sentence
        FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE c.id = ANY(${page.map((r) => r.id)}::text[])`
    : [];
  const sentenceOf = new Map(sentences.map((s) => [s.id, s.sentence]));
  return {
    claims: page.map((c) => ({ ...c, sentence: sentenceOf.get(c.id) ?? c.valueText, figureAt: c.start - c.sentenceStart })),
    nextCursor: rows.length > REVIEW_PAGE_SIZE ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export async function queueFacets(workspaceId: string) {
  const [articles, attributes] = await Promise.all([
    db.article.findMany({ where: { workspaceId }, orderBy: { title: "asc" }, take: 500, select: { id: true, title: true } }),
    db.claim.groupBy({ by: ["attribute"], where: { workspaceId }, orderBy: { attribute: "asc" } }),
  ]);
  return { articles, attributes: attributes.map((a) => a.attribute) };
}
