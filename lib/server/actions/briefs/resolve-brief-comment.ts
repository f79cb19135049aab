"use server";
import { revalidatePath } from "next/cache";
import { resolveBriefComment } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function resolveBriefCommentAction(raw: unknown) {
  const result = await runCommand(resolveBriefComment, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  return result;
}
