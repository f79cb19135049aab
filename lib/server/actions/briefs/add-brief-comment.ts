"use server";
import { revalidatePath } from "next/cache";
import { addBriefComment } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function addBriefCommentAction(raw: unknown) {
  const result = await runCommand(addBriefComment, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  return result;
}
