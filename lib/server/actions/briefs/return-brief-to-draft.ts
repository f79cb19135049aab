"use server";
import { revalidatePath } from "next/cache";
import { returnBriefToDraft } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function returnBriefToDraftAction(raw: unknown) {
  const result = await runCommand(returnBriefToDraft, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  return result;
}
