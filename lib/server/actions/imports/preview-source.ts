"use server";
import { fail } from "@/lib/result";
import { previewFile, previewUrl } from "@/lib/server/commands/imports";
import { runCommand } from "../run-command";
import { uploadedFiles } from "./uploaded-files";

/** Reads one uploaded file or one URL into fields the researcher checks before saving. */
export async function previewSourceAction(form: FormData) {
  const workspaceId = String(form.get("workspaceId") ?? "");
  const url = String(form.get("url") ?? "").trim();
  if (url) return runCommand(previewUrl, { workspaceId, url });
  const [file, ...more] = await uploadedFiles(form, "file");
  if (!file) return fail("invalid_input", "Choose a file.");
  if (more.length) return fail("invalid_input", "Preview one file at a time; several files are imported as a batch.");
  return runCommand((actor) => previewFile(actor, { workspaceId, file }), null);
}
