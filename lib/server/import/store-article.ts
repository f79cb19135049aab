import "server-only";
import { normalizeText, textHash } from "@/lib/import/normalize";
import { fail, ok, type Result } from "@/lib/result";
import type { Tx } from "@/lib/server/db";
import { articles, latestRevisionByUrl } from "@/lib/server/data/articles";
import { isUniqueViolation } from "@/lib/server/data/errors";
import { suggestClaims, type Extracted } from "./suggest";

export type ArticleFields = {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null; // YYYY-MM-DD
  text: string;
};

/**
 * The one path every import takes once the caller is authorized — paste, upload, URL, bulk
 * and the demo seed: normalize, refuse duplicates, extract, then write the article and its
 * suggestions in one transaction (the caller's, when given, so a job item's outcome commits
 * with it). A caller that holds a transaction passes the suggestions made before it opened
 * (`prepareSuggestions`), so a model extractor's network wait never holds the transaction.
 */
export async function storeArticle(
  target: { workspaceId: string; actorId: string; sourceKind: string },
  fields: ArticleFields,
  tx?: Tx,
  extracted?: Extracted,
): Promise<Result<{ articleId: string; suggestions: number }>> {
  const text = normalizeText(fields.text);
  if (!text) return fail("invalid_input", "The text is empty once blank space is removed.", { field: "text" });
  const hash = textHash(text);
  const duplicate = await articles.findByHash(target.workspaceId, hash);
  if (duplicate) return duplicateFailure(duplicate);

  const publishedAt = fields.publishedAt ? new Date(`${fields.publishedAt}T00:00:00Z`) : null;
  const { suggestions, extractor } = extracted ?? (await suggestClaims(text, publishedAt));
  // Changed text from a URL already imported is a new revision of that source.
  const previous = fields.url ? await latestRevisionByUrl(target.workspaceId, fields.url) : null;
  try {
    const created = await articles.create(
      {
        workspaceId: target.workspaceId,
        title: fields.title,
        outlet: fields.outlet,
        author: fields.author,
        url: fields.url,
        canonicalUrl: fields.url,
        previousId: previous?.id ?? null,
        revision: previous ? previous.revision + 1 : 1,
        publishedAt,
        text,
        textHash: hash,
        sourceKind: target.sourceKind,
        createdById: target.actorId,
      },
      suggestions,
      extractor,
      tx,
    );
    return ok({ articleId: created.id, suggestions: suggestions.length });
  } catch (error) {
    // Two imports of the same text at once: the unique index decides.
    if (isUniqueViolation(error) && !tx) {
      const winner = await articles.findByHash(target.workspaceId, hash);
      if (winner) return duplicateFailure(winner);
    }
    throw error;
  }
}

/** The suggestions storeArticle would make for these fields, made ahead of a transaction. */
export function prepareSuggestions(fields: ArticleFields): Promise<Extracted> {
  return suggestClaims(normalizeText(fields.text), fields.publishedAt ? new Date(`${fields.publishedAt}T00:00:00Z`) : null);
}

export function duplicateFailure(existing: { id: string; title: string }) {
  return fail("conflict", `This text is already in the workspace as “${existing.title}”.`, { articleId: existing.id });
}
