import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { pasteArticleInput } from "@/lib/validations/articles";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-user";
import { storeArticle } from "@/lib/server/import/store-article";
import { parsePastedText } from "@/lib/import/source";

export type ImportedArticle = { articleId: string; slug: string; suggestions: number };

/** A single article from a form (pasted text, or a file or URL already turned into text). */
export async function importArticle(actor: Actor | null, raw: unknown): Promise<Result<ImportedArticle>> {
  const input = pasteArticleInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message, { field: input.error.issues[0]?.path.join(".") });

  const who = await authorize(actor, input.data.workspaceId, "articles.import");
  if (!who.ok) return who;

    // Pasted HTML is read like an uploaded page; the stored text is always plain.
  const pasted = input.data.sourceKind === "paste" ? parsePastedText(input.data.text) : null;
  if (pasted && !pasted.ok) return fail("invalid_input", pasted.message, { field: "text" });
  const text = pasted ? pasted.data.text : input.data.text;
  const stored = await storeArticle({ workspaceId: who.workspaceId, actorId: who.userId, sourceKind: input.data.sourceKind }, { ...input.data, text });
  return stored.ok ? ok({ ...stored.data, slug: who.slug }) : stored;
}
