"use server";
import { revalidatePath } from "next/cache";
import { sendBriefForReview } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function sendBriefForReviewAction(raw: unknown) {
  const result = await runCommand(sendBriefForReview, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  return result;
}
