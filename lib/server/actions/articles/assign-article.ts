"use server";
import { revalidatePath } from "next/cache";
import { assignArticle } from "@/lib/server/commands/articles";
import { runCommand } from "../run-command";

export async function assignArticleAction(raw: unknown) {
  const result = await runCommand(assignArticle, raw);
  if (result.ok) {
    revalidatePath(`/w/${result.data.slug}/articles/${result.data.articleId}`);
    revalidatePath(`/w/${result.data.slug}/review`);
  }
  return result;
}
