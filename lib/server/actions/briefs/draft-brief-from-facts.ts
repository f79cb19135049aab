"use server";
import { revalidatePath } from "next/cache";
import { draftBriefFromFacts } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function draftBriefFromFactsAction(raw: unknown) {
  const result = await runCommand(draftBriefFromFacts, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  return result;
}
