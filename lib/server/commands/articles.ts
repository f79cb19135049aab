import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { assignArticleInput, pasteArticleInput } from "@/lib/validations/articles";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/data/audit";
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

/** Gives an article to a researcher to review (or takes it back with assigneeId null). */
export async function assignArticle(actor: Actor | null, raw: unknown): Promise<Result<{ slug: string; articleId: string }>> {
  const input = assignArticleInput.safeParse(raw);
  if (!input.success) return fail("invalid_input", input.error.issues[0]?.message);
  const who = await authorize(actor, input.data.workspaceId, "articles.assign");
  if (!who.ok) return who;
  const article = await db.article.findFirst({ where: { id: input.data.articleId, workspaceId: who.workspaceId }, select: { id: true, assigneeId: true } });
  if (!article) return fail("not_found", "This article no longer exists.");
  if (input.data.assigneeId) {
    const member = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: who.workspaceId, userId: input.data.assigneeId } }, select: { role: true } });
    if (!member || member.role === "viewer") return fail("invalid_input", "Assign the article to a member who can review claims.");
  }
  if (article.assigneeId === input.data.assigneeId) return ok({ slug: who.slug, articleId: article.id });
  await db.$transaction(async (tx) => {
    await tx.article.update({ where: { id: article.id }, data: { assigneeId: input.data.assigneeId } });
    await audit.record(tx, { workspaceId: who.workspaceId, actorId: who.userId, action: "article.assigned", targetType: "article", targetId: article.id, data: { from: article.assigneeId, to: input.data.assigneeId } });
  });
  return ok({ slug: who.slug, articleId: article.id });
}
