import "server-only";
import { EXTRACTOR, extractClaims } from "@/lib/extract";
import { normalizeText, textHash } from "@/lib/import/normalize";
import { fail, ok, type Result } from "@/lib/result";
import { pasteArticleInput } from "@/lib/validations/articles";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { articles } from "@/lib/server/data/articles";
import { isUniqueViolation } from "@/lib/server/data/errors";

export type ImportedArticle = { articleId: string; slug: string; suggestions: number };

/** Every import path (paste, seed, later files and bulk) ends here. */
export async function importArticle(actor: Actor | null, raw: unknown, sourceKind = "paste"): Promise<Result<ImportedArticle>> {
  const input = pasteArticleInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message, { field: input.error.issues[0]?.path.join(".") });

  const who = await authorize(actor, input.data.workspaceId, "articles.import");
  if (!who.ok) return who;

  const text = normalizeText(input.data.text);
  if (!text) return fail("invalid_input", "The text is empty once blank space is removed.", { field: "text" });
  const hash = textHash(text);
  const duplicate = await articles.findByHash(who.workspaceId, hash);
  if (duplicate) return duplicateFailure(duplicate);

  const publishedAt = input.data.publishedAt ? new Date(`${input.data.publishedAt}T00:00:00Z`) : null;
  const suggestions = extractClaims(text, { publishedAt });
  try {
    const created = await articles.create(
      {
        workspaceId: who.workspaceId,
        title: input.data.title,
        outlet: input.data.outlet,
        author: input.data.author,
        url: input.data.url,
        publishedAt,
        text,
        textHash: hash,
        sourceKind,
        createdById: who.userId,
      },
      suggestions,
      EXTRACTOR,
    );
    return ok({ articleId: created.id, slug: who.slug, suggestions: suggestions.length });
  } catch (error) {
    // Two people importing the same text at once: the unique index decides.
    if (isUniqueViolation(error)) {
      const winner = await articles.findByHash(who.workspaceId, hash);
      if (winner) return duplicateFailure(winner);
    }
    throw error;
  }
}

function duplicateFailure(existing: { id: string; title: string }) {
  return fail("conflict", `This text is already in the workspace as “${existing.title}”.`, { articleId: existing.id });
}
