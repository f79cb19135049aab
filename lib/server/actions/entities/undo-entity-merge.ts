"use server";
import { revalidatePath } from "next/cache";
import { undoEntityMerge } from "@/lib/server/commands/entities";
import { runCommand } from "../run-command";

export async function undoEntityMergeAction(raw: unknown) {
  const result = await runCommand(undoEntityMerge, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}`, "layout");
  return result;
}
