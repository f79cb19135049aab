"use server";
import { revalidatePath, updateTag } from "next/cache";
import { readerTag } from "@/lib/briefs/cache-tags";
import { publishBrief } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function publishBriefAction(raw: unknown) {
  const result = await runCommand(publishBrief, raw);
  if (result.ok) {
    updateTag(readerTag(result.data.briefId));
    revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  }
  return result;
}
