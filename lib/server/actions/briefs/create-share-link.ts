"use server";
import { revalidatePath } from "next/cache";
import { createShareLink } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function createShareLinkAction(raw: unknown) {
  const result = await runCommand(createShareLink, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  return result;
}
