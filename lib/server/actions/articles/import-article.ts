"use server";
import { revalidatePath } from "next/cache";
import { importArticle } from "@/lib/server/commands/articles";
import { runCommand } from "../run-command";

export async function importArticleAction(raw: unknown) {
  const result = await runCommand(importArticle, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}`);
  return result;
}
