"use server";
import { revalidatePath } from "next/cache";
import { addCitation } from "@/lib/server/commands/claims";
import { runCommand } from "../run-command";

export async function addCitationAction(raw: unknown) {
  const result = await runCommand(addCitation, raw);
  if (result.ok) {
    revalidatePath(`/w/${result.data.slug}/articles/${result.data.articleId}`);
    revalidatePath(`/w/${result.data.slug}/articles/${result.data.claimArticleId}`);
    revalidatePath(`/w/${result.data.slug}/facts`, "layout");
  }
  return result;
}
