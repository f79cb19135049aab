import "server-only";
import { entityKey } from "@/lib/extract";
import { fail, ok, type Result } from "@/lib/result";
import { mergeSuggestions } from "@/lib/review/merge-suggestions";
import { db, type Tx } from "@/lib/server/db";
import { insertSuggestions } from "@/lib/server/data/articles";
import { entities } from "@/lib/server/data/entities";
import { suggestClaims, type Extracted } from "@/lib/server/import/suggest";
import { createImportJob } from "./import-job";

/** Queues a re-extraction of every article in the workspace; progress shows like an import's. */
export async function createReextractJob(workspaceId: string, actorId: string) {
  const rows = await db.article.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, title: true } });
  return createImportJob(
    { workspaceId, actorId, kind: "reextract" },
    rows.map((a, i) => ({ position: i + 1, input: { label: a.title, articleId: a.id } })),
  );
}

/**
 * Runs the current extractor on one article inside the job item's transaction. Suggestions
 * nobody has touched are refreshed, added or removed; confirmed, rejected, edited and
 * hand-made claims stay exactly as people left them. `extracted` is what `prepareReextraction`
 * proposed before the transaction opened (the rules run here when it is absent).
 */
export async function reextractArticle(tx: Tx, workspaceId: string, articleId: string, extracted?: Extracted | null): Promise<Result<{ articleId: string }>> {
  // First, before the claim rows below are locked: a merge holds this lock and then locks claims.
  await entities.awaitMerges(tx, workspaceId);
  const article = await tx.article.findFirst({ where: { id: articleId, workspaceId }, select: { text: true, publishedAt: true } });
  if (!article) return fail("not_found", "The article was deleted before it could be re-extracted.");
  const existing = await tx.claim.findMany({
    where: { articleId },
    select: { id: true, start: true, end: true, value: true, low: true, high: true, unit: true, status: true, edited: true, createdById: true },
  });
  const { suggestions, extractor } = extracted ?? (await suggestClaims(article.text, article.publishedAt, null));
  const plan = mergeSuggestions(existing.map((c) => ({ ...c, human: c.edited || c.createdById != null })), suggestions);
  for (const { id, suggestion: s } of plan.refresh) {
    await tx.claim.updateMany({
      where: { id, status: "suggested", edited: false },
      data: {
        subject: s.subject, subjectKey: entityKey(s.subject), attribute: s.attribute, value: s.value, low: s.low, high: s.high, unit: s.unit,
        valueText: s.valueText, counterparty: s.counterparty, counterpartyKey: s.counterparty ? entityKey(s.counterparty) : "",
        modality: s.modality, basis: s.basis, asOf: s.asOf ? new Date(`${s.asOf}T00:00:00Z`) : null, start: s.start, end: s.end,
        sentenceStart: s.sentenceStart, sentenceEnd: s.sentenceEnd, confidence: s.confidence,
        extractor: extractor.name, extractorVersion: extractor.version,
      },
    });
  }
  if (plan.remove.length) await tx.claim.deleteMany({ where: { id: { in: plan.remove }, status: "suggested", edited: false } });
  if (plan.create.length) await insertSuggestions(tx, workspaceId, articleId, plan.create, extractor);
  // Refreshed suggestions were keyed from the extractor's spelling: point them at merged entities.
  else if (plan.refresh.length) await entities.applyAliases(tx, workspaceId, articleId);
  return ok({ articleId });
}

/** The configured extractor's suggestions for an article, made outside any transaction (null if it is gone). */
export async function prepareReextraction(workspaceId: string, articleId: string): Promise<Extracted | null> {
  const article = await db.article.findFirst({ where: { id: articleId, workspaceId }, select: { text: true, publishedAt: true } });
  return article ? suggestClaims(article.text, article.publishedAt) : null;
}
