"use server";
import { revalidatePath } from "next/cache";
import { createBrief } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function createBriefAction(raw: unknown) {
  const result = await runCommand(createBrief, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  return result;
}
