"use server";
import { reextractWorkspace } from "@/lib/server/commands/imports";
import { runCommand } from "../run-command";

export async function reextractWorkspaceAction(raw: unknown) {
  return runCommand(reextractWorkspace, raw);
}
