"use server";
import { revalidatePath } from "next/cache";
import { revalidateReader } from "@/lib/server/cache/revalidate";
import { setBriefIndexing } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function setBriefIndexingAction(raw: unknown) {
  const result = await runCommand(setBriefIndexing, raw);
  if (result.ok) {
    await revalidateReader(result.data.briefId);
    revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  }
  return result;
}
