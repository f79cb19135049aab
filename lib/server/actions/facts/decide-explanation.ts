"use server";
import { revalidatePath } from "next/cache";
import { decideExplanation } from "@/lib/server/commands/facts";
import { runCommand } from "../run-command";

export async function decideExplanationAction(raw: unknown) {
  const result = await runCommand(decideExplanation, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/facts/${result.data.factId}`);
  return result;
}
