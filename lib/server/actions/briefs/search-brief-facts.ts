"use server";
import { searchBriefFacts } from "@/lib/server/commands/briefs";
import { runCommand } from "../run-command";

/** Read-only: the citation picker's search; nothing to revalidate. */
export async function searchBriefFactsAction(raw: unknown) {
  return runCommand(searchBriefFacts, raw);
}
