"use server";
import { revalidatePath } from "next/cache";
import { retryImportJob } from "@/lib/server/commands/imports";
import { runCommand } from "../run-command";

export async function retryImportJobAction(raw: unknown) {
  const result = await runCommand(retryImportJob, raw);
  if (result.ok) revalidatePath(`/w/${result.data.slug}/imports`, "layout");
  return result;
}
