"use server";
import { revalidatePath, updateTag } from "next/cache";
import { readerTag } from "@/lib/briefs/cache-tags";
import { revokeShareLink } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function revokeShareLinkAction(raw: unknown) {
  const result = await runCommand(revokeShareLink, raw);
  if (result.ok) {
    // The token check is never cached, so the link is dead at once; this drops the cached copy too.
    updateTag(readerTag(result.data.briefId));
    revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  }
  return result;
}
