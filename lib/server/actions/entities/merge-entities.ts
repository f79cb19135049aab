"use server";
import { revalidatePath } from "next/cache";
import { mergeEntities } from "@/lib/server/commands/entities";
import { runCommand } from "../run-command";

export async function mergeEntitiesAction(raw: unknown) {
  const result = await runCommand(mergeEntities, raw);
  // Claims, facts and the review queue all show the merged names.
  if (result.ok) revalidatePath(`/w/${result.data.slug}`, "layout");
  return result;
}
