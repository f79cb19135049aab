"use server";
import { revalidatePath } from "next/cache";
import { addClaim } from "@/lib/server/commands/claims";
import { runCommand } from "../run-command";

export async function addClaimAction(raw: unknown) {
  const result = await runCommand(addClaim, raw);
  if (result.ok) {
    revalidatePath(`/w/${result.data.slug}/articles/${result.data.articleId}`);
    revalidatePath(`/w/${result.data.slug}/facts`);
  }
  return result;
}
