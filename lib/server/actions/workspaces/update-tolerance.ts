"use server";
import { revalidatePath } from "next/cache";
import { updateTolerance } from "@/lib/server/commands/workspaces";
import { runCommand } from "../run-command";

export async function updateToleranceAction(raw: unknown) {
  const result = await runCommand(updateTolerance, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}`, "layout");
  return result;
}
