"use server";
import { revalidatePath } from "next/cache";
import { removeVocabularyAttribute } from "@/lib/server/commands/workspaces";
import { runCommand } from "../run-command";

export async function removeVocabularyAttributeAction(raw: unknown) {
  const result = await runCommand(removeVocabularyAttribute, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}`, "layout");
  return result;
}
