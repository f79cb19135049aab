"use server";
import { revalidatePath } from "next/cache";
import { publishBrief } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function publishBriefAction(raw: unknown) {
  const result = await runCommand(publishBrief, raw);
  if (result.ok) {
    revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  }
  return result;
}
