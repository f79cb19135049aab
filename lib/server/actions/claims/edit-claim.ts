"use server";
import { revalidatePath } from "next/cache";
import { editClaim } from "@/lib/server/commands/claims";
import { runCommand } from "../run-command";

export async function editClaimAction(raw: unknown) {
  const result = await runCommand(editClaim, raw);
  if (result.ok) {
    revalidatePath(`/w/${result.data.slug}/articles/${result.data.articleId}`);
    revalidatePath(`/w/${result.data.slug}/review`);
    revalidatePath(`/w/${result.data.slug}/facts`);
  }
  return result;
}
