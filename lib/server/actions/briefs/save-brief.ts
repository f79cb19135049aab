"use server";
import { revalidatePath } from "next/cache";
import { saveBrief } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function saveBriefAction(raw: unknown) {
  const result = await runCommand(saveBrief, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  return result;
}
