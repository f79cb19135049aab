"use server";
import { revalidatePath } from "next/cache";
import { setBriefIndexing } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function setBriefIndexingAction(raw: unknown) {
  const result = await runCommand(setBriefIndexing, raw);
  if (result.ok) {
    revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  }
  return result;
}
