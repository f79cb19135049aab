"use server";
import { revalidatePath } from "next/cache";
import { importFiles, importJsonl } from "@/lib/server/commands/imports";
import { runCommand } from "../run-command";
import { uploadedFiles } from "./uploaded-files";

/** Several files, or one JSONL file or pasted JSONL, become a background import job. */
export async function importBatchAction(form: FormData) {
  const workspaceId = String(form.get("workspaceId") ?? "");
  const mode = String(form.get("mode") ?? "files");
  const result =
    mode === "jsonl"
      ? await runCommand(importJsonl, {
          workspaceId,
          text: (await uploadedFiles(form, "file")).map((f) => new TextDecoder().decode(f.bytes)).join("\n") || String(form.get("text") ?? ""),
        })
      : await runCommand(async (actor) => importFiles(actor, { workspaceId, files: await uploadedFiles(form, "file") }), null);
  if (result.ok) revalidatePath(`/w/${result.data.slug}`);
  return result;
}
