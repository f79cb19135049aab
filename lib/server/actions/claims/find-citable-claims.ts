"use server";
import { findCitableClaims } from "@/lib/server/commands/claims";
import { runCommand } from "../run-command";

/** A read for the "cite for an existing claim" picker; it changes nothing, so nothing is revalidated. */
export async function findCitableClaimsAction(raw: unknown) {
  return runCommand(findCitableClaims, raw);
}
