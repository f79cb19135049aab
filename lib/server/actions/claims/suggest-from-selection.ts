"use server";
import { suggestFromSelection } from "@/lib/server/commands/claims";
import { runCommand } from "../run-command";

/** The extractor's reading of the selected words, to pre-fill the add-claim form. Writes nothing. */
export async function suggestFromSelectionAction(raw: unknown) {
  return runCommand(suggestFromSelection, raw);
}
