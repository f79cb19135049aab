"use server";
import { revalidatePath } from "next/cache";
import { revalidateReader } from "@/lib/server/cache/revalidate";
import { revokeShareLink } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

export async function revokeShareLinkAction(raw: unknown) {
  const result = await runCommand(revokeShareLink, raw);
  if (result.ok) {
    // Every request checks the link in Postgres, so it is dead at once on every instance;
    // this also retires the cached copies of the brief's reader page.
    await revalidateReader(result.data.briefId);
    revalidatePath(`/w/${result.data.slug}/briefs`, "layout");
  }
  return result;
}
