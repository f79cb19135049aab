"use server";
import { revalidatePath } from "next/cache";
import { revokeShareLink } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function revokeShareLinkAction(raw: unknown) {
  const result = await runCommand(revokeShareLink, raw);
  if (result.ok) {
    revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  }
  return result;
}
