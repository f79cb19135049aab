"use server";
import { revalidatePath } from "next/cache";
import { decideClaim } from "@/lib/server/commands/claims";
import { runCommand } from "../run-command";

export async function decideClaimAction(raw: unknown) {
  const result = await runCommand(decideClaim, raw);
  if (result.ok) {
    revalidatePath(`/w/${result.data.slug}/articles/${result.data.articleId}`);
    revalidatePath(`/w/${result.data.slug}/facts`);
  }
  return result;
}
