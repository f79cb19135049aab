"use server";
import { saveBrief } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

// Called by autosave about once a second while someone types: no revalidation, which would
// re-render the whole editor page each time. Brief pages render per request, so the list
// and other sessions read the saved text on their next visit.
export async function saveBriefAction(raw: unknown) {
  return runCommand(saveBrief, raw);
}
