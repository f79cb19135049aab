"use server";
import { revalidatePath, updateTag } from "next/cache";
import { readerTag } from "@/lib/briefs/cache-tags";
import { setBriefIndexing } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function setBriefIndexingAction(raw: unknown) {
  const result = await runCommand(setBriefIndexing, raw);
  if (result.ok) {
    updateTag(readerTag(result.data.briefId));
    revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  }
  return result;
}
