"use server";
import { revalidatePath } from "next/cache";
import { resolveFact } from "@/lib/server/commands/facts";
import { runCommand } from "../run-command";

export async function resolveFactAction(raw: unknown) {
  const result = await runCommand(resolveFact, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/facts`, "layout");
  return result;
}
