"use server";
import { revalidatePath } from "next/cache";
import { addVocabularyAttribute } from "@/lib/server/commands/workspaces";
import { runCommand } from "../run-command";

export async function addVocabularyAttributeAction(raw: unknown) {
  const result = await runCommand(addVocabularyAttribute, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}`, "layout");
  return result;
}
